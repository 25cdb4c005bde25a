"""The `course hub` command: set up a class on this machine's JupyterHub, then run the hub until stopped."""
from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command(name="hub")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("/srv/course-hub"),
              show_default=True, help="The hub's folder: its config, the shared nbgrader exchange, its state.")
@click.option("--instructor", required=True, metavar="USER", help="The instructor's Unix user (created if missing).")
@click.option("--student", "students", multiple=True, required=True, metavar="USER",
              help="A student's Unix user (repeat; created if missing).")
@click.option("--modules", "modules", multiple=True, metavar="ID", help="Build only these modules (repeat).")
@click.option("--db-url", default=None, metavar="URL",
              help="JupyterHub's own database, e.g. postgresql+psycopg://hub@dbhost/jupyterhub (default: SQLite "
                   "in DIR).")
@click.option("--gradebook-url", default=None, metavar="URL",
              help="The course's nbgrader gradebook, e.g. postgresql+psycopg://grader@dbhost/gradebook.")
@click.option("--port", type=int, default=8000, show_default=True, help="The hub's public port (on 127.0.0.1).")
@click.option("--hub-port", type=int, default=8081, show_default=True, help="The hub's internal API port.")
@click.option("--proxy-api-port", type=int, default=8001, show_default=True, help="The proxy's API port.")
@click.option("--python-env", type=click.Path(file_okay=False, path_type=Path), default=Path(sys.prefix),
              show_default=True, help="The Python environment users' servers start from (`make hub-env` makes one "
                                      "every user can run).")
@click.option("--test-password", default=None, metavar="PASSWORD",
              help="TEST ONLY: one shared password for every user instead of PAM (the machine's own passwords).")
@click.option("--setup-only", is_flag=True, help="Set everything up, write jupyterhub_config.py, do not start the hub.")
def hub(folder: Path, instructor: str, students: tuple[str, ...], modules: tuple[str, ...], db_url: str | None,
        gradebook_url: str | None, port: int, hub_port: int, proxy_api_port: int, python_env: Path,
        test_password: str | None, setup_only: bool) -> None:
    """Run the course on JupyterHub on this machine (as root): local users, the exchange, the formgrader.

    Creates the Unix users, builds the course in the instructor's home (nbgrader's "one class, one grader"
    setup), makes the shared exchange, writes DIR/jupyterhub_config.py and starts the hub until Ctrl-C.

    Example: sudo .venv/bin/course hub --instructor ada --student ben --student cai --python-env build/hub-env
    """
    from autograder.hub.layout import Hub
    from autograder.hub.prepare import HubSetupError, prepare
    from autograder.hub.running import jupyterhub_command

    the_hub = Hub(folder.resolve(), instructor, tuple(students), db_url=db_url, gradebook_url=gradebook_url,
                  password=test_password, port=port, hub_port=hub_port, proxy_api_port=proxy_api_port,
                  python_env=python_env.absolute(), modules=tuple(modules))
    try:
        prepare(the_hub)
    except HubSetupError as error:
        raise click.ClickException(str(error))
    click.echo(f"The class is set up: course in {the_hub.course()}, exchange in {the_hub.exchange}, "
               f"config in {the_hub.config_file}.")
    if setup_only:
        click.echo("Start the hub with: " + " ".join(jupyterhub_command(the_hub)) + f"  (in {the_hub.folder})")
        return
    import os
    click.echo(f"JupyterHub on {the_hub.url} (Ctrl-C stops it; users' servers keep running)")
    os.chdir(the_hub.folder)
    os.execv(jupyterhub_command(the_hub)[0], jupyterhub_command(the_hub))
