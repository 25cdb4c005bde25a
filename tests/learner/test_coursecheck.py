"""Do the learner check helpers judge answers rightly, teach in their messages and never give the answer away?"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from autograder.learner import coursecheck as cc


def judge(value, expected=cc._NO_EXPECTATION, **rules):
    return cc.evaluate("answer", value, expected, **rules)


def test_undefined_and_placeholder_are_not_attempted():
    """Is a missing variable or an untouched ... 'not attempted' rather than wrong?"""
    assert judge(cc._ABSENT, 3.0).status == cc.NOT_ATTEMPTED
    assert judge(Ellipsis, 3.0).status == cc.NOT_ATTEMPTED


def test_number_within_tolerance_passes_and_numpy_types_count():
    """Do ints, floats and numpy scalars of the right value all pass?"""
    import numpy as np
    for value in (0.25, np.float64(0.25), 0.2500000001):
        assert judge(value, 0.25).passed
    assert judge(np.int64(14), 14).passed
    assert judge(0.26, 0.25, tolerance=0.01).passed


def test_wrong_number_message_names_variable_and_never_the_expected_value():
    """Does a wrong number say what was checked and found, without printing the answer?"""
    outcome = judge(0.31, 0.4123, what="the share of attendees who answered", hint="divide by attendance.")
    assert outcome.status == cc.INCORRECT
    assert "`answer`" in outcome.message and "0.31" in outcome.message and "divide by attendance" in outcome.message
    assert "0.4123" not in outcome.message and "0.412" not in outcome.message


def test_wrong_kind_teaches_the_usual_fix():
    """Does a Series where a number is wanted get advice on aggregating?"""
    outcome = judge(pd.Series([1, 2]), 3.0)
    assert outcome.status == cc.INCORRECT and "aggregation" in outcome.message
    assert "inplace" in judge(None, 3.0).message
    assert "parentheses" in judge(pd.Series([1]).mean, 3.0).message


def test_rigged_objects_gain_nothing():
    """Does an object whose == always says yes, or a float subclass, fail?"""
    class AlwaysEqual:
        def __eq__(self, other):
            return True

    class RiggedFloat(float):
        def __eq__(self, other):
            return True

    assert not judge(AlwaysEqual(), 0.5).passed
    assert not judge(RiggedFloat(0.9), 0.5).passed

    class RiggedFrame(pd.DataFrame):
        def equals(self, other):
            return True

    assert not judge(RiggedFrame({"a": [9]}), pd.DataFrame({"a": [1]})).passed


def test_tables_compare_regardless_of_row_order_index_form_and_dtype():
    """Do a groupby result with its key as index, reordered rows and int-vs-float columns all pass?"""
    expected = pd.DataFrame({"branch": ["Eastgate", "Central"], "sessions": [3.0, 5.0]})
    as_index = pd.DataFrame({"sessions": [5, 3]}, index=pd.Index(["Central", "Eastgate"], name="branch"))
    assert judge(as_index, expected).passed
    assert judge(expected.iloc[::-1], expected).passed
    assert not judge(expected.iloc[::-1], expected, ordered=True).passed


def test_table_problems_in_order_columns_then_rows_then_values():
    """Does a table check report a missing column before row counts, and row counts before values?"""
    expected = pd.DataFrame({"branch": ["A", "B"], "sessions": [3, 5]})
    assert "`sessions`" in judge(pd.DataFrame({"branch": ["A", "B"]}), expected).message
    assert "rows" in judge(pd.DataFrame({"branch": ["A"], "sessions": [3]}), expected).message
    message = judge(pd.DataFrame({"branch": ["A", "B"], "sessions": [3, 6]}), expected).message
    assert "column `sessions`" in message and "5" not in message


def test_series_compare_by_label_and_accept_a_one_column_table():
    """Is a Series judged by label, whatever its order, and a matching one-column table accepted?"""
    expected = pd.Series({"storytime": 16.5, "STEAM": 16.5}).rename_axis("category").rename("mean")
    assert judge(expected.sort_values(ascending=False).iloc[::-1], expected).passed
    assert judge(expected.to_frame(), expected).passed
    assert not judge(expected * 2, expected).passed


def test_value_counts_and_groupby_forms_all_pass_for_a_series():
    """Do value_counts(), groupby().size() and groupby().size().reset_index() all match a plain Series?"""
    sessions = pd.DataFrame({"branch": ["Central", "Eastgate", "Central"]})
    expected = pd.Series({"Central": 2, "Eastgate": 1})
    for answer in (sessions["branch"].value_counts(), sessions.groupby("branch").size(),
                   sessions.groupby("branch").size().reset_index(name="sessions")):
        assert judge(answer, expected).passed, answer
    assert "`Westgate`, which is not one of the labels" in judge(pd.Series({"Central": 2, "Westgate": 1}), expected).message


def test_sanity_rules_range_rows_and_columns():
    """Do visible-check rules catch a percentage given for a proportion and a missing column?"""
    assert "outside the range" in judge(41.2, kind="number", between=(0, 1)).message
    assert judge(0.41, kind="number", between=(0, 1)).passed
    frame = pd.DataFrame({"a": [1]})
    assert "`b`" in judge(frame, kind="table", columns=["a", "b"]).message


def test_text_and_collections():
    """Is text compared without regard to case or outer spaces, and a list without regard to order?"""
    assert judge("  Storytime ", "storytime").passed
    assert judge(["b", "a"], ["a", "b"]).passed
    assert not judge(["b", "a"], ["a", "b"], ordered=True).passed
    assert "items" in judge(["a"], ["a", "b"]).message


def test_expect_raises_a_sentence_and_check_only_prints(capsys):
    """Does expect() raise CheckFailed whose rendering is one sentence, while check() never raises?"""
    globals()["answer"] = 2.0  # answers live in the notebook's globals, where the helpers look them up
    with pytest.raises(cc.CheckFailed) as failure:
        cc.expect("answer", 3.0)
    assert failure.value.outcome.status == cc.INCORRECT
    assert failure.value._render_traceback_() == [failure.value.outcome.message]
    capsys.readouterr()
    assert cc.check("answer", kind="number", between=(0, 1)) is None
    assert "outside the range" in capsys.readouterr().out


def test_expect_computes_a_callable_expectation_with_warnings_held_back(capsys):
    """Does expect() call an _expected function itself, so its warnings never reach stderr?"""
    import warnings

    def _expected():
        warnings.warn("a pandas-style warning", FutureWarning)
        return 2.0

    globals()["answer"] = 2.0
    assert cc.expect("answer", _expected) is None
    captured = capsys.readouterr()
    assert captured.err == "" and "passed" in captured.out


@pytest.fixture
def bar_chart():
    data = pd.Series({"Central": 40, "Eastgate": 25}, name="sessions")
    ax = data.plot(kind="bar", title="Sessions by branch", xlabel="Branch", ylabel="Sessions")
    yield ax, data
    plt.close("all")


def test_plot_facts_and_a_correct_bar_chart(bar_chart):
    """Are the bars of a pandas bar chart read back with their labels, and a right chart passed?"""
    ax, data = bar_chart
    facts = cc.plot_facts(ax)
    assert facts["kind"] == "bar" and {b["category"] for b in facts["bars"]} == {"Central", "Eastgate"}
    assert cc.evaluate_plot("ax", ax, kind="bar", bars=data).passed


def test_plot_without_labels_or_with_wrong_data_fails(bar_chart):
    """Does a chart with no axis label, the wrong kind or the wrong heights fail with a teaching message?"""
    ax, data = bar_chart
    ax.set_ylabel("")
    assert "y-axis label" in cc.evaluate_plot("ax", ax).message
    assert "horizontal" in cc.evaluate_plot("ax", ax, kind="barh", labelled=False).message
    assert "sizes" in cc.evaluate_plot("ax", ax, labelled=False, bars=data * 2).message


def test_stacked_horizontal_bars_compare_by_group(bar_chart):
    """Are diverging stacked bars read by group and category, ignoring the sign of the disagree side?"""
    plt.close("all")
    table = pd.DataFrame({"Disagree": [-10.0, -20.0], "Agree": [80.0, 60.0]}, index=["knowledge", "confidence"])
    ax = table.plot(kind="barh", stacked=True, title="t", xlabel="x", ylabel="y")
    assert cc.evaluate_plot("ax", ax, kind="barh", bars=table, groups=["Disagree", "Agree"]).passed
    assert not cc.evaluate_plot("ax", ax, kind="barh", bars=table.abs() + 5).passed


def test_series_renamed_in_the_legend_are_judged_by_the_legend_words():
    """Are grouped bars whose legend was given new names with ax.legend([...]) judged by those names, in order?"""
    plt.close("all")
    rates = pd.DataFrame({False: [30.0, 35.0], True: [20.0, 26.0]}, index=["0-6 days", "7-13 days"])
    named = rates.set_axis(["No reminder", "Reminder sent"], axis=1)
    ax = rates.plot(kind="bar", title="t", xlabel="x", ylabel="y")
    ax.legend(["No reminder", "Reminder sent"], title="Reminder")
    facts = cc.decode_answer(cc.encode_answer(ax))
    assert cc.evaluate_plot("ax", facts, groups=["No reminder", "Reminder sent"], bars=named).passed
    ax.legend(["Reminder sent", "No reminder"])  # the words on the wrong colours: a reader is misled, and so is the grader
    assert not cc.evaluate_plot("ax", ax, bars=named).passed
    ax = rates.plot(kind="bar", title="t", xlabel="x", ylabel="y")
    ax.legend(title="Reminder")  # the legend only repeats the series' own names
    assert not cc.evaluate_plot("ax", ax, groups=["No reminder", "Reminder sent"]).passed


HOURS = pd.DataFrame([[1.0, 2.0, 3.0], [4.0, 0.0, 6.0]], index=pd.Index(["S01", "S02"], name="owner"),
                     columns=["2024-07", "2024-08", "2024-09"])


def draw(how):
    """A chart drawn by how(ax), read into plain facts as the grader receives it."""
    plt.close("all")
    _, ax = plt.subplots()
    how(ax)
    return cc.decode_answer(cc.encode_answer(ax))


@pytest.mark.parametrize("how", [
    lambda ax: ax.imshow(HOURS, aspect="auto"),
    lambda ax: ax.imshow(HOURS.iloc[::-1]),  # busiest first: rows in another order
    lambda ax: ax.pcolormesh(HOURS),
    lambda ax: ax.pcolormesh(HOURS.T),  # months down the side, owners across
    lambda ax: ax.imshow(HOURS.to_numpy()),
])
def test_every_honest_heatmap_of_the_table_passes(how):
    """Do imshow and pcolormesh heatmaps of the table pass, whatever the row order and orientation?"""
    assert cc.evaluate_plot("h", draw(how), kind="heatmap", labelled=False, cells=HOURS).passed
    assert cc.evaluate_plot("h", draw(how), kind="heatmap", labelled=False, cells=HOURS.reset_index()).passed


@pytest.mark.parametrize("how, found", [
    (lambda ax: ax.set_title("Hours"), "an empty chart"),
    (lambda ax: HOURS.plot.bar(ax=ax), "a vertical bar chart"),
    (lambda ax: ax.imshow(HOURS * 2), "do not hold the table's values"),
    (lambda ax: ax.imshow(HOURS.replace(0.0, float("nan"))), "empty cells are 0"),
    (lambda ax: ax.imshow(HOURS.iloc[:1]), "1 row × 3 columns"),
    (lambda ax: (ax.imshow(HOURS), ax.imshow(HOURS)), "2 heatmaps"),
])
def test_a_wrong_heatmap_fails_with_a_sentence_that_never_shows_the_values(how, found):
    """Do an empty chart, bars, another table, blanks for zeros, part of the table or two images each fail clearly?"""
    message = cc.evaluate_plot("h", draw(how), kind="heatmap", labelled=False, cells=HOURS).message
    assert found in message and "6.0" not in message and "4.0" not in message


def test_the_image_itself_is_taken_as_its_chart():
    """Is the AxesImage that imshow returns (stored instead of ax) judged as the chart it sits on?"""
    plt.close("all")
    _, ax = plt.subplots()
    image = ax.imshow(HOURS)
    assert cc.evaluate_plot("h", image, kind="heatmap", labelled=False, cells=HOURS).passed
    assert cc.decode_answer(cc.encode_answer(image))["kind"] == "heatmap"


@pytest.mark.parametrize("value", [
    0.25, 14, "Storytime", ["a", "b"],
    pd.Series({"Central": 2, "Eastgate": 1}).rename_axis("branch").rename("sessions"),
    pd.DataFrame({"branch": ["A", "B"], "rate": [0.5, None]}),
    pd.DataFrame({"n": [1, 2]}, index=pd.MultiIndex.from_tuples([("A", 1), ("B", 2)], names=["b", "y"])),
    pd.Timestamp("2025-11-13"),
    pd.Timestamp("2025-11-13 14:30"),
])
def test_answers_survive_encoding_as_plain_data(value):
    """Does an honest answer, encoded as plain data and rebuilt, pass the same check as the original?"""
    rebuilt = cc.decode_answer(cc.encode_answer(value))
    assert judge(rebuilt, value).passed


def test_a_range_rule_on_a_series_accepts_the_table_form_without_raising():
    """Does a between rule on a Series answer judge a one-column or key-and-value table too, instead of crashing?"""
    rates = pd.Series({"S01": 30.5, "S02": 41.0}, name="loaded_rate").rename_axis("staff_id")
    for value in (rates.to_frame(), rates.reset_index()):
        assert judge(value, kind="series", between=(0, 200)).passed
        assert judge(value * 10 if value.shape[1] == 1 else value.assign(loaded_rate=value["loaded_rate"] * 10),
                     kind="series", between=(0, 200)).status == cc.INCORRECT
    by_year = pd.Series({2024: 0.41, 2025: 0.44}, name="rate").rename_axis("fiscal_year").reset_index()
    assert judge(by_year, kind="series", between=(0, 1)).passed


def test_a_date_passes_as_a_date_or_as_iso_text_whatever_its_type():
    """Is the right day accepted as a Timestamp, a datetime, a date, a numpy datetime64 or text YYYY-MM-DD?"""
    import datetime

    import numpy as np
    day = pd.Timestamp("2025-11-13")
    for value in (day, day.to_pydatetime(), datetime.date(2025, 11, 13), np.datetime64("2025-11-13"), "2025-11-13",
                  " 2025-11-13 ", cc.decode_answer(cc.encode_answer(day))):
        assert judge(value, day, kind="date").passed, value
    assert judge(day, kind="date").passed


def test_a_wrong_date_says_what_was_found_and_never_the_right_day():
    """Does a wrong day, or text that is not a date, get a sentence naming what was found and not the answer?"""
    wrong = judge(pd.Timestamp("2025-11-12"), pd.Timestamp("2025-11-13"), kind="date")
    assert wrong.status == cc.INCORRECT and "2025-11-12" in wrong.message and "2025-11-13" not in wrong.message
    spelled = judge("13 November 2025", pd.Timestamp("2025-11-13"), kind="date")
    assert spelled.status == cc.INCORRECT and "YYYY-MM-DD" in spelled.message
    assert not judge(45974.0, pd.Timestamp("2025-11-13"), kind="date").passed
    assert not judge(pd.NaT, pd.Timestamp("2025-11-13"), kind="date").passed


def test_a_date_where_text_is_wanted_gets_the_strftime_advice():
    """Is a Timestamp given where text is asked told how to write it as text?"""
    outcome = judge(pd.Timestamp("2025-11-13"), "2025-11-13", kind="text")
    assert outcome.status == cc.INCORRECT and "strftime" in outcome.message


def test_an_index_or_a_tuple_gets_advice_that_fits_it_in_the_grader_too():
    """Is an Index where a list is wanted told to use .tolist(), and a tuple where a number is wanted told to pick one?"""
    index = pd.Index(["AB04", "AB06"])
    for value in (index, cc.decode_answer(cc.encode_answer(index))):
        outcome = judge(value, ["AB04", "AB06"], kind="collection")
        assert "an Index" in outcome.message and ".tolist()" in outcome.message
    assert "len(" in judge((48, 21), 48.0).message


def test_rigged_and_odd_answers_are_recorded_only_by_type():
    """Does a rigged subclass or an unknown object come back as something that matches nothing?"""
    class RiggedFrame(pd.DataFrame):
        pass

    class Sneaky:
        def __eq__(self, other):
            return True

    import datetime

    class RiggedDate(datetime.datetime):
        def __eq__(self, other):
            return True

    for value in (RiggedFrame({"a": [1]}), Sneaky(), RiggedDate(2025, 1, 1)):
        rebuilt = cc.decode_answer(cc.encode_answer(value))
        assert isinstance(rebuilt, cc.Unjudgeable)
        assert not judge(rebuilt, pd.DataFrame({"a": [1]})).passed
    assert cc.decode_answer(cc.encode_answer(Ellipsis)) is Ellipsis


def test_a_chart_is_judged_from_its_encoded_facts(bar_chart):
    """Is a chart read into plain facts judged exactly like the chart itself?"""
    ax, data = bar_chart
    facts = cc.decode_answer(cc.encode_answer(ax))
    assert cc.evaluate_plot("ax", facts, kind="bar", bars=data).passed
    assert not cc.evaluate_plot("ax", facts, kind="bar", bars=data * 3).passed


def test_a_heatmap_is_compared_with_the_learners_own_table_when_named():
    """Is a heatmap of the learner's own (even wrong) table passed, so one mistake is not charged twice?"""
    plt.close("all")
    _, ax = plt.subplots()
    ax.imshow(HOURS * 2)
    globals().update(heatmap=ax, own_table=HOURS * 2)
    assert cc.expect_plot("heatmap", kind="heatmap", labelled=False, cells="own_table") is None
    globals()["own_table"] = Ellipsis
    with pytest.raises(cc.CheckFailed, match="cannot be compared yet"):
        cc.expect_plot("heatmap", kind="heatmap", labelled=False, cells="own_table")


@pytest.mark.parametrize("value", [
    pd.Series([0.4, 0.6], index=pd.Index([2024, 2025], name="fiscal_year"), name="share"),
    pd.DataFrame({"share": [0.4, 0.6]}, index=pd.Index([2024, 2025], name="fiscal_year")),
])
def test_a_range_rule_looks_at_values_not_at_labels(value):
    """Is a share between 0 and 1 passed though its index holds years, and a share of 6 caught?"""
    assert judge(value, kind=_kind(value), between=(0, 1)).passed
    assert "outside the range" in judge(value * 10, kind=_kind(value), between=(0, 1)).message


def _kind(value):
    return "series" if isinstance(value, pd.Series) else "table"


PLAN = pd.DataFrame({"task": ["book", "flyer"], "window_days": [12.0, 30.0]})


def _tightest(plan=None):
    """A test's expectation: from the data when called bare, from the learner's own plan when given it."""
    plan = PLAN if plan is None else plan
    return float(plan["window_days"].min())


def _plan_bars(plan=None):
    plan = PLAN if plan is None else plan
    return plan.set_index("task")["window_days"]


def test_an_answer_that_follows_from_the_learners_own_earlier_answer_passes(capsys):
    """With given=, does a later answer worked correctly from a wrong earlier answer pass, and a wrong one still fail?"""
    globals().update(plan=PLAN.assign(window_days=[5.0, 30.0]), tightest=5.0)
    cc.expect("tightest", _tightest, given="plan")  # wrong plan, but the step that follows from it is right
    assert "worked out from your own `plan`" in capsys.readouterr().out
    globals().update(tightest=7.0)
    with pytest.raises(cc.CheckFailed):
        cc.expect("tightest", _tightest, given="plan")
    globals().update(tightest=12.0)
    cc.expect("tightest", _tightest, given="plan")  # right from the data, whatever the plan


@pytest.mark.parametrize("plan", [cc._ABSENT, Ellipsis, pd.DataFrame({"other": [1]}), cc.Unjudgeable("Sneaky")])
def test_an_unusable_earlier_answer_falls_back_to_the_data(plan):
    """Is an earlier answer that is missing, untouched or not a usable table ignored, without a traceback?"""
    globals().update(tightest=5.0)
    globals().pop("plan", None)
    if plan is not cc._ABSENT:
        globals()["plan"] = plan
    with pytest.raises(cc.CheckFailed, match="`tightest`"):
        cc.expect("tightest", _tightest, given="plan")


def test_a_chart_drawn_from_the_learners_own_table_passes_with_given():
    """Do the bars of a chart drawn from the learner's own (wrong) plan pass with given=, and a chart of neither fail?"""
    plt.close("all")
    own = PLAN.assign(window_days=[5.0, 30.0])
    ax = own.set_index("task")["window_days"].plot(kind="barh")
    globals().update(plan=own, gantt=cc.decode_answer(cc.encode_answer(ax)))
    cc.expect_plot("gantt", labelled=False, bars=_plan_bars, given="plan")
    globals()["plan"] = PLAN.assign(window_days=[9.0, 9.0])
    with pytest.raises(cc.CheckFailed):
        cc.expect_plot("gantt", labelled=False, bars=_plan_bars, given="plan")


def test_the_grader_hands_a_test_the_answers_named_by_given():
    """Does the grader's answer list for a test include an answer named by given=, as for cells=?"""
    from nbformat.v4 import new_code_cell

    from autograder.notebooks import cells
    cell = new_code_cell('from coursecheck import expect\nexpect("earliest", _day, kind="date", given="windows")')
    assert set(cells.answer_names(cell)) == {"earliest", "windows"}


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@pytest.mark.parametrize("draw_it, passes", [
    (lambda: pd.Series([3.0, 1.0, 2.0, 5.0, 4.0], index=DAYS).plot(kind="bar"), True),
    (lambda: pd.Series([3.0, 1.0, 2.0, 5.0, 4.0], index=DAYS).sort_index().plot(kind="bar"), False),  # alphabetical days
    (lambda: pd.Series([3.0, 1.0, 2.0, 5.0, 4.0], index=DAYS)[::-1].plot(kind="barh"), True),  # Monday ends on top
    (lambda: pd.Series([3.0, 1.0, 2.0, 5.0, 4.0], index=DAYS).plot(kind="barh"), False),  # Monday at the bottom
])
def test_bars_in_a_named_order_read_left_to_right_or_top_to_bottom(draw_it, passes):
    """Is the order asked for read as a person reads the chart, whatever the kind of bars?"""
    plt.close("all")
    facts = cc.decode_answer(cc.encode_answer(draw_it()))
    assert cc.evaluate_plot("chart", facts, labelled=False, order=DAYS).passed is passes


def test_largest_first_accepts_any_way_of_getting_there():
    """Does 'largest first' pass a sorted vertical chart, an inverted horizontal one, and fail an unsorted one?"""
    plt.close("all")
    totals = pd.Series({"adults": 900.0, "teens": 300.0, "children": 1200.0})
    sorted_bars = totals.sort_values(ascending=False).plot(kind="bar")
    assert cc.evaluate_plot("chart", sorted_bars, labelled=False, order="largest first").passed
    _, ax = plt.subplots()
    ax.barh(totals.sort_values(ascending=False).index, totals.sort_values(ascending=False))
    ax.invert_yaxis()
    assert cc.evaluate_plot("chart", ax, labelled=False, order="largest first").passed
    unsorted = totals.plot(kind="bar")
    outcome = cc.evaluate_plot("chart", unsorted, labelled=False, order="largest first")
    assert outcome.status == cc.INCORRECT and "largest first" in outcome.message and "1200" not in outcome.message


def test_a_heatmap_is_judged_on_its_colormap_and_its_colour_bar():
    """Is a rainbow colormap, a missing colour bar or an unlabelled one caught, and viridis with a labelled bar passed?"""
    def heatmap(cmap, bar_label=None):
        plt.close("all")
        fig, ax = plt.subplots()
        image = ax.imshow(HOURS, cmap=cmap)
        if bar_label is not None:
            fig.colorbar(image, label=bar_label)
        return cc.decode_answer(cc.encode_answer(ax))
    rules = dict(kind="heatmap", labelled=False, colormap="colour-blind safe", colorbar=True)
    assert cc.evaluate_plot("h", heatmap("viridis", "Hours"), **rules).passed
    assert cc.evaluate_plot("h", heatmap("cividis_r", "Hours"), **rules).passed
    assert "jet" in cc.evaluate_plot("h", heatmap("jet", "Hours"), **rules).message
    assert "without a colour bar" in cc.evaluate_plot("h", heatmap("viridis"), **rules).message
    assert "without a label" in cc.evaluate_plot("h", heatmap("viridis", ""), **rules).message
