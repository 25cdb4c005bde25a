"""jupyterhub_config.py for a class: local users with LocalProcessSpawner, the proxy from deploy/hub, the hub's
database, servers that outlive a hub restart, PAM login (a shared test password only when asked), LTI 1.3 opt-in."""
from __future__ import annotations

from pathlib import Path

from autograder.hub.layout import PROXY, Hub

TEMPLATE = '''"""JupyterHub for the course, written by `course hub`; run with: jupyterhub -f {config}"""
c = get_config()  # noqa: F821

c.JupyterHub.bind_url = "http://127.0.0.1:{port}"   # put a TLS-terminating web server in front on a real machine
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]       # npm ci --prefix deploy/hub (make hub-proxy)
c.ConfigurableHTTPProxy.pid_file = {pid_file!r}
c.JupyterHub.cookie_secret_file = {cookie_secret!r}
# The hub's own database: users, their servers and tokens{db_note}
c.JupyterHub.db_url = {db_url!r}
# A hub restarted mid-class (an upgrade, a crash) leaves everyone's server running and finds it again.
c.JupyterHub.cleanup_servers = False

# Each user's JupyterLab runs as that Unix user, in their home, from a Python environment every user can run.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {{"JUPYTER_CONFIG_PATH": {shared_config!r}}}  # the course id and the shared exchange
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

c.Authenticator.allowed_users = {users!r}
c.Authenticator.admin_users = {{{instructor!r}}}
{authentication}
# ---- Login from an LMS with LTI 1.3 (opt-in): replace the authenticator above with these lines, then register
# this hub in the LMS as an LTI 1.3 tool (its configuration is served at /hub/lti13/config, its login initiation
# URL is /hub/lti13/oauth_login and its redirect URL /hub/lti13/oauth_callback). The LMS admin gives you:
# c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
# c.LTI13Authenticator.issuer = "https://canvas.instructure.com"                        # the platform's issuer
# c.LTI13Authenticator.authorize_url = "https://sso.canvaslms.com/api/lti/authorize_redirect"  # its OIDC auth URL
# c.LTI13Authenticator.jwks_endpoint = "https://sso.canvaslms.com/api/lti/security/jwks"      # its public keys
# c.LTI13Authenticator.client_id = {{"10000000000001"}}                                 # the tool's client id there
# c.LTI13Authenticator.username_key = "custom_username"  # the claim naming the local Unix user (email by default)
# c.Authenticator.allow_all = True   # or keep allowed_users; every LTI username must also be a local Unix user
'''
PAM = '''# Login with the machine's own accounts and passwords (PAM), the default on a real machine.
c.JupyterHub.authenticator_class = "pam"'''
SHARED_PASSWORD = '''# TEST ONLY: one password for all users, no PAM (course hub --test-password). Not for a class.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}'''


def write_hub_config(hub: Hub) -> Path:
    """Write the hub's jupyterhub_config.py (readable by root only: it may hold a database password)."""
    db_url = hub.db_url or f"sqlite:///{hub.folder / 'jupyterhub.sqlite'}"
    text = TEMPLATE.format(
        config=hub.config_file, port=hub.port, hub_port=hub.hub_port, proxy_api_port=hub.proxy_api_port,
        proxy=str(PROXY), pid_file=str(hub.folder / "jupyterhub-proxy.pid"),
        cookie_secret=str(hub.folder / "jupyterhub_cookie_secret"), db_url=db_url,
        db_note=" (PostgreSQL: postgresql+psycopg://USER@HOST/DB)." if not hub.db_url else ".",
        singleuser=str(hub.python_env / "bin" / "jupyterhub-singleuser"), shared_config=str(hub.shared_config),
        users=set(hub.users), instructor=hub.instructor,
        authentication=SHARED_PASSWORD.format(password=hub.password) if hub.password else PAM)
    hub.config_file.write_text(text, encoding="utf-8")
    hub.config_file.chmod(0o600)
    return hub.config_file
