"""Check helpers, course build, grading pipeline and reports for the programming librarian course."""
