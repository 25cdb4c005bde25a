"""What an instructor hands back and reads after grading: feedback pages, LMS exports and the class report."""
