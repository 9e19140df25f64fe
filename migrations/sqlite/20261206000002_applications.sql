-- Mentor selection: up to five questions a server asks new mentors (a JSON list of texts),
-- and each applicant's answers, which travel with the application to the moderators and go
-- with the applicant's data.
ALTER TABLE guild_settings ADD COLUMN application_questions TEXT;

CREATE TABLE application_answers (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id, position)
) STRICT;
