"""Is the written jupyterhub_config.py valid, PAM unless a test password is asked for, and its LTI 1.3 block real?"""
import re
from pathlib import Path

from traitlets.config import Config

from autograder.hub.hub_config import write_hub_config
from autograder.hub.layout import Hub


def loaded(path: Path) -> Config:
    config = Config()
    exec(compile(path.read_text(), str(path), "exec"), {"get_config": lambda: config})
    return config


def test_a_real_class_logs_in_with_pam_and_keeps_servers_across_restarts(tmp_path):
    hub = Hub(tmp_path, "ada", ("ben", "cai"), db_url="postgresql+psycopg://hub@db/jupyterhub", python_env=tmp_path)
    config = loaded(write_hub_config(hub))
    assert config.JupyterHub.authenticator_class == "pam" and config.JupyterHub.spawner_class == "localprocess"
    assert config.JupyterHub.db_url.startswith("postgresql+psycopg://") and config.JupyterHub.cleanup_servers is False
    assert config.Authenticator.allowed_users == {"ada", "ben", "cai"} and config.Authenticator.admin_users == {"ada"}
    assert config.Spawner.environment["JUPYTER_CONFIG_PATH"] == str(hub.shared_config)
    assert (hub.config_file.stat().st_mode & 0o077) == 0


def test_the_test_password_replaces_pam_only_when_asked(tmp_path):
    config = loaded(write_hub_config(Hub(tmp_path, "ada", ("ben",), password="s3cret", python_env=tmp_path)))
    assert config.JupyterHub.authenticator_class == "dummy" and config.DummyAuthenticator.password == "s3cret"


def test_the_commented_lti_settings_are_ltiauthenticators_own(tmp_path):
    from ltiauthenticator.lti13.auth import LTI13Authenticator
    text = write_hub_config(Hub(tmp_path, "ada", ("ben",), python_env=tmp_path)).read_text()
    named = set(re.findall(r"^# c\.LTI13Authenticator\.(\w+) =", text, re.M))
    assert {"issuer", "authorize_url", "jwks_endpoint", "client_id", "username_key"} <= named
    assert named <= set(LTI13Authenticator.class_trait_names(config=True))
    assert '# c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"' in text
