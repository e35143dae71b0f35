-- Rapport database schema, version 1 (later versions: the steps in src/store/database.cpp).
-- Compiled into the binaries at build time; applied in one transaction on a new file.
-- Enum columns hold the keys of src/core/enums.cpp; money is integer cents; dates are
-- 'YYYY-MM-DD' and moments 'YYYY-MM-DDTHH:MM' in the shop's local time, so text order is
-- time order.

CREATE TABLE customer (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    note                TEXT NOT NULL DEFAULT '',
    referred_by         INTEGER REFERENCES customer (id) ON DELETE SET NULL,
    came_anyway         INTEGER NOT NULL DEFAULT 0 CHECK (came_anyway IN (0, 1)),
    referral_reward     INTEGER NOT NULL DEFAULT 0 CHECK (referral_reward >= 0),
    archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M', 'now', 'localtime')),
    CHECK (referred_by IS NULL OR referred_by <> id)
);
CREATE INDEX customer_by_name ON customer (name COLLATE NOCASE);
CREATE INDEX customer_by_referrer ON customer (referred_by) WHERE referred_by IS NOT NULL;
CREATE INDEX customer_by_email ON customer (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX customer_by_phone ON customer (phone) WHERE phone <> '';

CREATE TABLE tag (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
);

CREATE TABLE customer_tag (
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX customer_tag_by_tag ON customer_tag (tag_id);

CREATE TABLE interaction (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    occurred_at         TEXT NOT NULL CHECK (occurred_at GLOB
                            '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
    channel             TEXT NOT NULL CHECK (channel IN
                            ('phone', 'email', 'in-person', 'online', 'other')),
    category            TEXT NOT NULL CHECK (category IN
                            ('product-fault', 'service-error', 'delay', 'billing',
                             'misunderstanding', 'behaviour', 'other')),
    severity            INTEGER NOT NULL DEFAULT 3 CHECK (severity BETWEEN 1 AND 5),
    summary             TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    asked_for           TEXT NOT NULL DEFAULT '',
    minutes             INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 100000),
    escalated_to        TEXT NOT NULL DEFAULT '',
    lesson              TEXT NOT NULL DEFAULT '',
    listened            INTEGER NOT NULL DEFAULT 0 CHECK (listened IN (0, 1)),
    empathised          INTEGER NOT NULL DEFAULT 0 CHECK (empathised IN (0, 1)),
    apologised          INTEGER NOT NULL DEFAULT 0 CHECK (apologised IN (0, 1)),
    offered_solutions   INTEGER NOT NULL DEFAULT 0 CHECK (offered_solutions IN (0, 1)),
    agreed_follow_up    INTEGER NOT NULL DEFAULT 0 CHECK (agreed_follow_up IN (0, 1))
);
CREATE INDEX interaction_by_customer ON interaction (customer_id, occurred_at);
CREATE INDEX interaction_by_time ON interaction (occurred_at);

CREATE TABLE resolution (
    id              INTEGER PRIMARY KEY,
    interaction_id  INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    type            TEXT NOT NULL CHECK (type IN
                        ('refund', 'replacement', 'discount', 'store-credit', 'free-upgrade',
                         'repair-visit', 'apology-only', 'other')),
    cost            INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
    status          TEXT NOT NULL DEFAULT 'offered' CHECK (status IN
                        ('offered', 'accepted', 'declined'))
);
CREATE INDEX resolution_by_interaction ON resolution (interaction_id);

CREATE TABLE follow_up (
    id              INTEGER PRIMARY KEY,
    interaction_id  INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    due_on          TEXT NOT NULL CHECK (due_on GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note            TEXT NOT NULL DEFAULT '',
    done_on         TEXT CHECK (done_on IS NULL OR done_on GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    outcome         TEXT CHECK (outcome IS NULL OR outcome IN
                        ('satisfied', 'still-unhappy', 'no-answer', 'other')),
    outcome_note    TEXT NOT NULL DEFAULT '',
    minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 100000),
    CHECK (done_on IS NOT NULL OR outcome IS NULL)
);
CREATE INDEX follow_up_open_by_due ON follow_up (due_on) WHERE done_on IS NULL;
CREATE INDEX follow_up_by_interaction ON follow_up (interaction_id);

CREATE TABLE purchase (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    purchased_on    TEXT NOT NULL CHECK (purchased_on GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    amount          INTEGER NOT NULL CHECK (amount > 0),
    margin_bp       INTEGER NOT NULL CHECK (margin_bp BETWEEN -10000 AND 10000)
);
CREATE INDEX purchase_by_customer ON purchase (customer_id, purchased_on);

-- The owner's settings as text, typed and validated by src/core/settings.cpp.
CREATE TABLE setting (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
) WITHOUT ROWID;

-- The usual resolution for each category, offered first in the log dialog.
CREATE TABLE category_default (
    category        TEXT PRIMARY KEY CHECK (category IN
                        ('product-fault', 'service-error', 'delay', 'billing',
                         'misunderstanding', 'behaviour', 'other')),
    resolution_type TEXT NOT NULL CHECK (resolution_type IN
                        ('refund', 'replacement', 'discount', 'store-credit', 'free-upgrade',
                         'repair-visit', 'apology-only', 'other')),
    cost            INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0)
) WITHOUT ROWID;

-- Full-text search over what people write: names and notes, and the incident texts.
-- External-content tables kept in step by triggers, so the text is stored once.
CREATE VIRTUAL TABLE customer_fts USING fts5 (
    name, note, content = 'customer', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER customer_fts_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_fts (rowid, name, note) VALUES (new.id, new.name, new.note);
END;
CREATE TRIGGER customer_fts_delete AFTER DELETE ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, name, note)
        VALUES ('delete', old.id, old.name, old.note);
END;
CREATE TRIGGER customer_fts_update AFTER UPDATE OF name, note ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, name, note)
        VALUES ('delete', old.id, old.name, old.note);
    INSERT INTO customer_fts (rowid, name, note) VALUES (new.id, new.name, new.note);
END;

CREATE VIRTUAL TABLE interaction_fts USING fts5 (
    summary, asked_for, lesson, content = 'interaction', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER interaction_fts_insert AFTER INSERT ON interaction BEGIN
    INSERT INTO interaction_fts (rowid, summary, asked_for, lesson)
        VALUES (new.id, new.summary, new.asked_for, new.lesson);
END;
CREATE TRIGGER interaction_fts_delete AFTER DELETE ON interaction BEGIN
    INSERT INTO interaction_fts (interaction_fts, rowid, summary, asked_for, lesson)
        VALUES ('delete', old.id, old.summary, old.asked_for, old.lesson);
END;
CREATE TRIGGER interaction_fts_update AFTER UPDATE OF summary, asked_for, lesson ON interaction BEGIN
    INSERT INTO interaction_fts (interaction_fts, rowid, summary, asked_for, lesson)
        VALUES ('delete', old.id, old.summary, old.asked_for, old.lesson);
    INSERT INTO interaction_fts (rowid, summary, asked_for, lesson)
        VALUES (new.id, new.summary, new.asked_for, new.lesson);
END;
