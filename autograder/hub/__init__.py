"""`course hub`: the course on one machine's JupyterHub (users, the nbgrader exchange, the formgrader, PostgreSQL)."""
