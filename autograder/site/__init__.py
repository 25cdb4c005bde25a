"""`course site`: the course as a static website (learners' pages, or with the instructors' guides)."""
