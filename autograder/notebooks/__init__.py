"""Reading and reshaping nbgrader notebooks: cell roles, solution regions, simulated submissions."""
