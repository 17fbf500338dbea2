-- The schema that the release at commit b7dcc72 (before migrations) creates on a new sqlite database:
-- the CREATE statements its `create_tables(make_engine(url), Base.metadata)` and the same for
-- `WebBase.metadata` executed, captured with a `before_cursor_execute` listener, in that order.

CREATE TABLE dialogue_sessions (
	"key" VARCHAR(200) NOT NULL, 
	state TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE INDEX ix_dialogue_sessions_updated_at ON dialogue_sessions (updated_at);

CREATE TABLE staff_accounts (
	id INTEGER NOT NULL, 
	name VARCHAR(64) NOT NULL, 
	password_hash VARCHAR(255) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);

CREATE TABLE answer_log (
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	channel VARCHAR(16) NOT NULL, 
	session_key VARCHAR(200), 
	question TEXT NOT NULL, 
	status VARCHAR(32), 
	region VARCHAR(32), 
	answer TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_answer_log_session_key ON answer_log (session_key);

CREATE INDEX ix_answer_log_created_at ON answer_log (created_at);

CREATE TABLE citation_marks (
	id INTEGER NOT NULL, 
	quote_key VARCHAR(32) NOT NULL, 
	clause_id VARCHAR(64) NOT NULL, 
	quote TEXT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	note TEXT NOT NULL, 
	staff_name VARCHAR(64) NOT NULL, 
	citation_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_citation_marks_quote_key ON citation_marks (quote_key);

CREATE INDEX ix_citation_marks_clause_id ON citation_marks (clause_id);

CREATE INDEX ix_citation_marks_created_at ON citation_marks (created_at);

CREATE TABLE audit_events (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(64) NOT NULL, 
	action VARCHAR(32) NOT NULL, 
	target VARCHAR(200) NOT NULL, 
	detail TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_audit_events_at ON audit_events (at);

CREATE TABLE widget_sites (
	"key" VARCHAR(64) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	origins TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by VARCHAR(64) NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE staff_sessions (
	token_hash VARCHAR(64) NOT NULL, 
	staff_id INTEGER NOT NULL, 
	csrf_token VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	PRIMARY KEY (token_hash), 
	FOREIGN KEY(staff_id) REFERENCES staff_accounts (id) ON DELETE CASCADE
);

CREATE INDEX ix_staff_sessions_expires_at ON staff_sessions (expires_at);

CREATE INDEX ix_staff_sessions_staff_id ON staff_sessions (staff_id);

CREATE TABLE answer_citations (
	id INTEGER NOT NULL, 
	answer_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	clause_id VARCHAR(64) NOT NULL, 
	quote TEXT NOT NULL, 
	quote_key VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(answer_id) REFERENCES answer_log (id) ON DELETE CASCADE
);

CREATE INDEX ix_answer_citations_answer_id ON answer_citations (answer_id);

CREATE INDEX ix_answer_citations_clause_id ON answer_citations (clause_id);

CREATE INDEX ix_answer_citations_quote_key ON answer_citations (quote_key);

