"""One function per use case: load, check with the domain, save, and return what changed.

Callers (the HTTP and socket layers) acknowledge and broadcast only after these return, so
every acknowledged change is already committed.
"""

from .board import (
    add_draft,
    adopt_mission,
    cast_vote,
    combine_drafts,
    edit_draft,
    retract_vote,
    set_voting,
)
from .canvas import (
    add_canvas,
    add_goal,
    add_period,
    add_vision,
    delete_goal,
    edit_goal,
    keep_vision,
    like_goal,
    mark_lesson,
    merge_goals,
    move_goal,
    remove_period,
    rename_period,
    set_doelgroep,
    show_canvas,
)
from .changes import Change, Created, Joined
from .groups import form_groups, mark_value, move_member, name_group
from .learning import learn_from_import
from .sessions import (
    authorise_facilitator,
    authorise_presenter,
    code_exists,
    create_workshop,
    delete_workshop,
    healthy,
    join,
    join_target,
    lock_workshop,
    purge_expired,
    set_phase,
    set_submissions,
    set_timer,
)
from .state import (
    CROWD,
    board_update,
    canvas_update,
    groups_update,
    room_progress,
    state,
    theme_web,
    themes_public,
)
from .themes import (
    hide_theme,
    merge_themes,
    move_value,
    recognise_theme,
    rename_theme,
    split_theme,
)
from .values import NewValue, add_value, add_values, remove_value

__all__ = [
    "adopt_mission", "add_draft", "board_update", "cast_vote", "combine_drafts", "edit_draft",
    "retract_vote", "set_voting", "add_canvas", "add_goal", "add_period", "add_vision",
    "canvas_update", "delete_goal", "edit_goal", "keep_vision", "like_goal", "mark_lesson",
    "merge_goals", "move_goal", "remove_period", "rename_period", "set_doelgroep",
    "show_canvas",
    "delete_workshop", "learn_from_import", "lock_workshop", "purge_expired",
    "CROWD", "Change", "Created", "Joined", "NewValue", "add_value", "add_values",
    "authorise_facilitator", "authorise_presenter",
    "code_exists", "create_workshop", "form_groups", "groups_update", "healthy", "hide_theme",
    "join", "join_target", "mark_value", "merge_themes", "move_member", "move_value", "name_group",
    "recognise_theme", "remove_value", "rename_theme", "room_progress", "set_phase",
    "set_submissions", "set_timer", "split_theme", "state", "theme_web", "themes_public",
]
