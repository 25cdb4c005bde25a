"""Does every `course` command explain itself and answer bad input with a sentence, not a traceback?"""
from click.testing import CliRunner

from autograder.cli import main


def test_every_command_has_help_with_an_example():
    """Does each command's help describe it and show an example?"""
    runner = CliRunner()
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output, name


def test_build_of_an_unknown_module_is_a_clean_error(tmp_path):
    """Does naming a module that does not exist list the real ones, without a traceback?"""
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "c"), "--modules", "99-nothing"])
    assert result.exit_code != 0 and "no module called '99-nothing'" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_commands_on_a_folder_that_is_not_a_course_say_so(tmp_path):
    """Do grade and export on a folder without nbgrader_config.py say to run `course build`?"""
    for command in (["grade", "--course", str(tmp_path)], ["export", "--course", str(tmp_path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code != 0 and "course build" in result.output, command
