"""The tables: one row per workshop, mentor, value; removal and replays leave traces on purpose."""

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.types import JSON

metadata = MetaData()

workshops = Table(
    "workshops", metadata,
    Column("id", String(32), primary_key=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("team", String(200), nullable=False, default=""),
    Column("values_per_person", Integer, nullable=False),
    Column("anonymous", Boolean, nullable=False),
    Column("group_size", Integer, nullable=False),
    Column("phase", String(16), nullable=False),
    Column("version", Integer, nullable=False, default=0),
    Column("facilitator_hash", String(64), nullable=False),
    Column("presenter_key", String(64), nullable=False),
    Column("submissions_open", Boolean, nullable=False, default=True),
    Column("timer_ends_at", Float, nullable=True),  # unix seconds; None: no countdown
    Column("mission", Text, nullable=False, default=""),
    Column("voting_open", Boolean, nullable=False, default=False),
    Column("votes_per_person", Integer, nullable=False, default=3),
    Column("hide_counts", Boolean, nullable=False, default=False),
    Column("locked", Boolean, nullable=False, default=False),  # no new mentors may join
    Column("shown_canvas", String(32), nullable=False, default=""),  # on the projector
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
)

participants = Table(
    "participants", metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("name", String(80), nullable=False, default=""),
    Column("number", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("workshop_id", "number"),
)

values = Table(
    "values", metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
    Column("client_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("why", Text, nullable=False, default=""),
    # removal keeps the row, so a replayed add of a removed value does not bring it back
    Column("removed", Boolean, nullable=False, default=False),
    # the mentor's small group marked this value as one they share
    Column("marked", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("participant_id", "client_id"),
)
# the marked values, which every `themes` snapshot counts: few rows among thousands (SQLite
# uses a partial index only for the very term its queries carry, as SQLAlchemy writes it)
Index("values_marked", values.c.workshop_id, sqlite_where=text("marked = 1"),
      postgresql_where=values.c.marked)

# the theme engine: a snapshot of its whole state now and then, and every change since as a
# log of engine calls (theme_ops). `revision` counts changes: a process whose cached engine is
# at an older revision replays only what it missed, and saving a value writes one small row
# instead of the whole web (320 KB at 2,500 values)
theme_states = Table(
    "theme_states", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, nullable=False),  # the newest change
    Column("snapshot_revision", Integer, nullable=False),  # the change `state` includes
    Column("state", JSON, nullable=False),  # {} before the first snapshot: an empty engine
)

theme_ops = Table(
    "theme_ops", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("ops", JSON, nullable=False),  # [[method, [args…]], …] as called on the engine
)

memberships = Table(
    "memberships", metadata,
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"),
           primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("group_number", Integer, nullable=False),
)

group_names = Table(
    "group_names", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("group_number", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
)

recognitions = Table(
    "recognitions", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", String(32), primary_key=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"),
           primary_key=True),
)

drafts = Table(
    "drafts", metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    # None for a draft the facilitator made by combining others
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), nullable=True),
    Column("client_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("group_number", Integer, nullable=True),  # posted on behalf of this small group
    Column("merged_into", String(32), nullable=True),  # combined drafts stay as history
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("participant_id", "client_id"),
)

votes = Table(
    "votes", metadata,
    Column("draft_id", ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"),
           primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("count", Integer, nullable=False),
)

periods = Table(
    "periods", metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("name", String(80), nullable=False),
    Column("position", Integer, nullable=False),
)

canvases = Table(
    "canvases", metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("client_id", String(64), nullable=False),
    Column("name", String(80), nullable=False),
    Column("doelgroep", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("workshop_id", "client_id"),
)

visions = Table(
    "visions", metadata,
    Column("id", String(32), primary_key=True),
    Column("canvas_id", ForeignKey("canvases.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), nullable=True),
    Column("client_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("kept", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("canvas_id", "client_id"),
)

goals = Table(
    "goals", metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("canvas_id", ForeignKey("canvases.id", ondelete="CASCADE"), nullable=False),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), nullable=True),
    Column("client_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("domain", String(32), nullable=False),
    Column("period_id", String(32), nullable=False),
    Column("theme", String(80), nullable=False, default=""),
    Column("lesson", Boolean, nullable=False, default=False),
    Column("removed", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("canvas_id", "client_id"),
)

goal_likes = Table(
    "goal_likes", metadata,
    Column("goal_id", ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"),
           primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False,
           index=True),
)

# what the grouping learned from facilitators' corrections and imported webs: a value form
# and the theme label it belongs under, per teaching workshop, so deleting that workshop (or
# its retention running out) removes what it taught (ON DELETE CASCADE)
learned_placements = Table(
    "learned_placements", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("form", String(200), primary_key=True),
    Column("label", String(80), nullable=False),
    Column("taught_at", DateTime(timezone=True), nullable=False),
    Index("learned_placements_form", "form", "taught_at"),
)

# workshops that take no part in learning (opted out at creation): they teach nothing and
# get no learned placements; a separate table, so databases from before need no migration
learning_opt_outs = Table(
    "learning_opt_outs", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
)

# when a workshop arrived by import: it keeps the date it was held (reports, compare), but the
# retention period counts from its arrival on this server, so last year's workshop imported
# to compare is not purged at once; a separate table, so older databases need no migration
imported_workshops = Table(
    "imported_workshops", metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)
