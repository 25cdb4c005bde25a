"""`course hub`: the course on a JupyterHub on one machine (users, the nbgrader exchange, the formgrader, PostgreSQL)."""
