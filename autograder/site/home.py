"""The site's home page, written from course.toml: who the course is for, the nine competencies, how to start."""
from __future__ import annotations

from autograder.curriculum import Course


def home_page(the_course: Course, instructor: bool) -> str:
    """index.md: the course at a glance and the table of contents."""
    module_of = {m.competency: m for m in the_course.modules if m.competency}
    rows = []
    for competency in the_course.competencies:
        module = module_of.get(competency.id)
        where = f"[{module.id}](modules/{module.id}/{module.id}.ipynb)" if module and module.ready else \
            (f"{module.id} (in preparation)" if module else "")
        rows.append(f"| {competency.name} | {competency.definition} | {where} |")
    ready = [m for m in the_course.modules if m.ready]
    listing = "\n".join(f"| [{m.title}](modules/{m.id}/{m.id}.ipynb) | {m.minutes} | "
                        + "; ".join(o.text.rstrip(".") for o in m.objectives) + " |" for m in ready)
    toc = "\n".join(f"modules/{m.id}/{m.id}" for m in ready)
    guides = "\n".join(f"instructor/{m.id}" for m in ready)
    instructor_toc = (f"\n```{{toctree}}\n:caption: For instructors\n:maxdepth: 1\n\ninstructor/index\n{guides}\n```\n"
                      if instructor else "")
    return f"""# {the_course.title}

*{the_course.subtitle}*

An open course of Jupyter notebooks on the nine core competencies of programming librarians that ALA's National
Impact of Library Public Programs Assessment (NILPPA) identified. Each module is a realistic piece of library work,
done with Python and pandas on the records of one fictional library system, {the_course.library}, with exercises
graded by [nbgrader](https://nbgrader.readthedocs.io).

## Who it is for

- **MLIS instructors**, who assign modules, grade a class on JupyterHub or from an LMS upload, and post grades.
- **MLIS students**, who work through the notebooks and submit them.
- **Working librarians learning on their own**, often new to Python: the orientation module starts from zero.

## The nine competencies

| competency | what it means here | module |
|---|---|---|
{chr(10).join(rows)}

*Source:* {the_course.nilppa_source}.

## How to start

- **In a class.** Your instructor releases each module on JupyterHub (Assignments tab) or as a zip to upload to
  your own JupyterLab. Open the notebook, run it from the top, answer each question where you see `...`, and read
  the check cell under it: it says whether your answer is correct, incorrect (and which common slip it looks
  like) or not attempted. Submit when done.
- **On your own.** Install Python 3.11 or newer, download the course, and run `make install`, then
  `.venv/bin/course lab`: your private workspace opens in JupyterLab, with hints and model answers.
  Start with the orientation module.
- **As an instructor.** `.venv/bin/course build` makes a standard nbgrader course directory; see the syllabus and
  the instructors' guides for a semester plan and what to do in class.

## The modules

| module | minutes | you will be able to |
|---|---|---|
{listing}

All data are synthetic: no real patron, library or partner is described.

```{{toctree}}
:caption: Plans
:maxdepth: 1

syllabus
workshop
```

```{{toctree}}
:caption: Modules
:maxdepth: 1

{toc}
```
{instructor_toc}"""
