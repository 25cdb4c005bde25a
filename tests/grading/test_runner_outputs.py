"""Are printed outputs capped, except the line the grader reads a learner's answers from?"""
from autograder.grading.runner import ANSWERS_MARK, MAX_TEXT, capped


def test_long_output_is_cut_but_a_large_answer_line_is_kept_whole():
    answers = ANSWERS_MARK + '{"clashes": {"kind": "table", "rows": [' + ", ".join(["[1, 2, 3]"] * 20_000) + "]}}\n"
    chatter = "x" * (MAX_TEXT * 3)
    kept = capped([{"output_type": "stream", "name": "stdout", "text": answers},
                   {"output_type": "stream", "name": "stdout", "text": chatter}])
    assert kept[0]["text"] == answers and len(answers) > MAX_TEXT * 5
    assert len(kept[1]["text"]) < MAX_TEXT + 100 and "output cut" in kept[1]["text"]
