import PostgresNIO
import WatchfloorModel

/// The PostgreSQL schema of a shared log, its versioned migrations, and its roles.
///
/// One table, `watchfloor.log`, holds every raw line as received (`bytea`: a malformed line
/// may not even be UTF-8) under a server-assigned `seq`. Every insert takes one
/// transaction-level advisory lock before it draws its `seq` and holds it to its commit, so
/// `seq` order is commit order: a reader that has seen `seq` N never later finds a line
/// below N. Nobody updates or deletes a line (a trigger refuses it even to the owner).
///
/// Three group roles: `watchfloor_viewer` reads; `watchfloor_officer` reads and decides,
/// only through `watchfloor.decide`, which sets `by` from `session_user`; `watchfloor_feed`
/// reads and appends non-decision lines through `watchfloor.append_lines`. Only the owner
/// (who ran `db init`) imports files.
public enum DatabaseSchema {
  /// The advisory lock every writer of the log takes (any fixed number; this one spells
  /// "WATCHFLR" in ASCII).
  public static let lockKey: Int64 = 0x5741_5443_4846_4C52
  /// The channel inserts notify, with the new last `seq` as payload.
  public static let channel = "watchfloor_log"
  /// The group roles, by what `db grant --as` calls them.
  public static let groups: [String: String] = [
    "viewer": "watchfloor_viewer", "officer": "watchfloor_officer", "feed": "watchfloor_feed",
  ]

  /// The migrations in order; each runs once, in a transaction, and is recorded.
  static let migrations: [(version: Int, sql: String)] = [(1, version1)]

  /// The newest schema version this build knows.
  public static var currentVersion: Int { migrations.last?.version ?? 0 }

  /// Creates the group roles when missing and applies the migrations the database has not
  /// had yet; returns the versions applied (empty when it was up to date).
  public static func initialize(_ session: DatabaseSession) throws(DatabaseError) -> [Int] {
    try session.execute("BEGIN")
    do {
      try session.query("SELECT pg_advisory_xact_lock(\(lockKey + 1))")
      for group in groups.values.sorted() {
        try session.execute(
          """
          DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(group)') THEN
              CREATE ROLE \(group) NOLOGIN;
            END IF;
          END $$
          """, doing: "create the role \(group) on")
      }
      try session.execute(
        """
        CREATE SCHEMA IF NOT EXISTS watchfloor;
        CREATE TABLE IF NOT EXISTS watchfloor.migrations (
          version integer PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now(),
          applied_by name NOT NULL DEFAULT session_user)
        """, doing: "create the schema on")
      let rows = try session.query("SELECT coalesce(max(version), 0) FROM watchfloor.migrations")
      let have = try decodeInt(rows, session.url)
      if have > currentVersion {
        throw DatabaseError(
          .usage,
          "\(session.url) has schema version \(have), newer than this watchfloor knows "
            + "(\(currentVersion)): upgrade watchfloor")
      }
      var applied: [Int] = []
      for migration in migrations where migration.version > have {
        try session.execute(migration.sql, doing: "apply migration \(migration.version) to")
        try session.query(
          "INSERT INTO watchfloor.migrations (version) VALUES (\(migration.version))")
        applied.append(migration.version)
      }
      try session.execute("COMMIT")
      return applied
    } catch let error as DatabaseError {
      try? session.execute("ROLLBACK")
      throw error
    } catch {
      try? session.execute("ROLLBACK")
      throw DatabaseError(.server, "\(error)")
    }
  }

  /// The schema version of the database, 0 when `db init` never ran there.
  public static func version(_ session: DatabaseSession) throws(DatabaseError) -> Int {
    let rows = try session.query(
      "SELECT CASE WHEN to_regclass('watchfloor.migrations') IS NULL THEN 0 ELSE 1 END")
    guard try decodeInt(rows, session.url) == 1 else { return 0 }
    return try decodeInt(
      session.query("SELECT coalesce(max(version), 0) FROM watchfloor.migrations"), session.url)
  }

  /// Fails with a clear message unless `db init` has created the schema this build reads.
  static func requireReady(_ session: DatabaseSession) throws(DatabaseError) {
    let have = try version(session)
    if have == 0 {
      throw DatabaseError(
        .usage, "\(session.url) holds no Watchfloor log: run `watchfloor db init \(session.url)`")
    }
    if have < currentVersion {
      throw DatabaseError(
        .usage,
        "\(session.url) has schema version \(have); this watchfloor needs \(currentVersion): "
          + "run `watchfloor db init \(session.url)`")
    }
  }

  /// Makes `name` a login role (created when missing) and a member of `group`.
  public static func grant(_ session: DatabaseSession, name: String, group: String)
    throws(DatabaseError)
  {
    let role = try quotedIdentifier(name)
    try session.execute(
      """
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(quotedLiteral(name))) THEN
          CREATE ROLE \(role) LOGIN;
        END IF;
      END $$;
      GRANT \(group) TO \(role);
      """, doing: "grant \(group) to \(name) on")
  }

  /// Takes `name` out of `group` (the login role itself stays).
  public static func revoke(_ session: DatabaseSession, name: String, group: String)
    throws(DatabaseError)
  {
    try session.execute(
      "REVOKE \(group) FROM \(try quotedIdentifier(name))",
      doing: "revoke \(group) from \(name) on")
  }

  /// `name` as an SQL identifier; names with control characters are refused.
  static func quotedIdentifier(_ name: String) throws(DatabaseError) -> String {
    guard !name.isEmpty, name.utf8.count <= 63,
      !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else {
      throw DatabaseError(
        .usage, "'\(name)' is not a role name (1 to 63 bytes, no control characters)")
    }
    return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func quotedLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  static func decodeInt(_ rows: [PostgresRow], _ url: DatabaseURL) throws(DatabaseError) -> Int {
    do {
      guard let row = rows.first else { return 0 }
      return try row.decode(Int.self)
    } catch {
      throw DatabaseError(.server, "\(url) answered with something unexpected: \(error)")
    }
  }

  /// The decision types: only `watchfloor.decide` writes them.
  static let decisionTypes = DecisionKind.allCases.map(\.eventTypeName)

  private static var decisionTypeList: String {
    decisionTypes.map { quotedLiteral($0) }.joined(separator: ", ")
  }

  private static var decisionPattern: String {
    decisionTypes.map { $0.replacingOccurrences(of: ".", with: "\\.") }.joined(separator: "|")
  }

  // MARK: Migrations

  static let version1 = """
    CREATE TABLE watchfloor.log (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      -- The raw line as received, without its line break.
      line bytea NOT NULL CHECK (position('\\x0a'::bytea IN line) = 0),
      -- An imported line's file and line number there, the key that makes import idempotent.
      source text,
      source_line bigint,
      -- A decision's event id, unique, so a retried decision is never written twice.
      event_id text UNIQUE,
      -- The chain value a line ends in (set by a trigger), for the next decision's link.
      link text,
      appended_by name NOT NULL DEFAULT session_user,
      appended_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (source, source_line)
    );
    CREATE INDEX log_links ON watchfloor.log (seq) WHERE link IS NOT NULL;

    CREATE FUNCTION watchfloor.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the log is append-only: no line is ever updated or deleted'
        USING ERRCODE = '42501';
    END $$;
    CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON watchfloor.log
      FOR EACH ROW EXECUTE FUNCTION watchfloor.refuse_change();
    CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON watchfloor.log
      FOR EACH STATEMENT EXECUTE FUNCTION watchfloor.refuse_change();

    -- A line that ends like a decision chain link (DecisionChain.link(in:)) keeps its value.
    CREATE FUNCTION watchfloor.mark_link() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.link := substring(
        encode(substring(NEW.line FROM greatest(length(NEW.line) - 77, 1)), 'escape')
        FROM '.,"chain":"([0-9a-f]{64})"\\}\\r?$');
      RETURN NEW;
    END $$;
    CREATE TRIGGER log_links BEFORE INSERT ON watchfloor.log
      FOR EACH ROW EXECUTE FUNCTION watchfloor.mark_link();

    CREATE FUNCTION watchfloor.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last bigint;
    BEGIN
      SELECT max(seq) INTO last FROM appended;
      IF last IS NOT NULL THEN PERFORM pg_notify('\(channel)', last::text); END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER log_notify AFTER INSERT ON watchfloor.log
      REFERENCING NEW TABLE AS appended
      FOR EACH STATEMENT EXECUTE FUNCTION watchfloor.notify_appended();

    -- Whether any reader could take the line for a decision. A line PostgreSQL cannot parse
    -- is refused when it holds an escape or a decision type, so that no JSON reader more
    -- lenient than PostgreSQL's sees a decision in it.
    CREATE FUNCTION watchfloor.is_decision(line bytea) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE text_line text; body jsonb;
    BEGIN
      BEGIN
        text_line := convert_from(line, 'UTF8');
      EXCEPTION WHEN others THEN
        RETURN false;  -- not UTF-8: malformed to every reader
      END;
      BEGIN
        body := text_line::jsonb;
      EXCEPTION WHEN others THEN
        RETURN position('\\u' IN text_line) > 0 OR text_line ~ '(\(decisionPattern))';
      END;
      RETURN jsonb_typeof(body) = 'object' AND (body->>'type') IN (\(decisionTypeList));
    END $$;

    -- A feed's lines, in order; decisions are refused.
    CREATE FUNCTION watchfloor.append_lines(lines bytea[]) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, watchfloor AS $$
    DECLARE item integer; last bigint;
    BEGIN
      PERFORM pg_advisory_xact_lock(\(lockKey));
      FOR item IN 1 .. coalesce(array_length(lines, 1), 0) LOOP
        IF watchfloor.is_decision(lines[item]) THEN
          RAISE EXCEPTION 'line % is a decision: only an officer decides, through watchfloor.decide',
            item USING ERRCODE = '42501';
        END IF;
      END LOOP;
      INSERT INTO watchfloor.log (line)
        SELECT t.l FROM unnest(lines) WITH ORDINALITY AS t(l, ord) ORDER BY t.ord;
      SELECT max(l.seq) INTO last FROM watchfloor.log l;
      RETURN last;
    END $$;

    -- A file's lines from first_line on; lines already imported are skipped.
    CREATE FUNCTION watchfloor.import_lines(file text, first_line bigint, lines bytea[])
    RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, watchfloor AS $$
    DECLARE added bigint;
    BEGIN
      PERFORM pg_advisory_xact_lock(\(lockKey));
      INSERT INTO watchfloor.log (line, source, source_line)
        SELECT t.l, file, first_line + t.ord - 1 FROM unnest(lines) WITH ORDINALITY AS t(l, ord)
        ORDER BY t.ord
        ON CONFLICT (source, source_line) DO NOTHING;
      GET DIAGNOSTICS added = ROW_COUNT;
      RETURN added;
    END $$;

    -- One decision: the client's line without "by"; the server adds "by" (session_user) and
    -- the chain link (DecisionChain), then inserts it. An id already written returns that
    -- line: the retry of a decision whose commit the client could not see.
    CREATE FUNCTION watchfloor.decide(decision text, decision_id text)
    RETURNS TABLE (seq bigint, line bytea)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, watchfloor AS $$
    DECLARE
      body jsonb; prefix bytea; since bytea; value text;
      link_seq bigint; link_value text; new_seq bigint; stored bytea;
    BEGIN
      PERFORM pg_advisory_xact_lock(\(lockKey));
      SELECT l.seq, l.line INTO new_seq, stored FROM watchfloor.log l
        WHERE l.event_id = decision_id;
      IF FOUND THEN
        RETURN QUERY SELECT new_seq, stored;
        RETURN;
      END IF;
      IF decision_id IS NULL OR decision_id = '' THEN
        RAISE EXCEPTION 'a decision needs an id' USING ERRCODE = 'P0001';
      END IF;
      IF decision ~ '[\\n\\r]' OR right(decision, 1) <> '}' THEN
        RAISE EXCEPTION 'a decision is one JSON object on one line' USING ERRCODE = 'P0001';
      END IF;
      BEGIN
        body := decision::jsonb;
      EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'the decision is not JSON' USING ERRCODE = 'P0001';
      END;
      IF jsonb_typeof(body) <> 'object' OR NOT ((body->>'type') IN (\(decisionTypeList))) THEN
        RAISE EXCEPTION 'not a decision: %', body->>'type' USING ERRCODE = 'P0001';
      END IF;
      IF body ? 'by' OR body ? 'chain' THEN
        RAISE EXCEPTION 'the server writes "by" and "chain"; the decision must not'
          USING ERRCODE = 'P0001';
      END IF;
      IF (body->>'id') IS DISTINCT FROM decision_id THEN
        RAISE EXCEPTION 'the decision''s "id" is not its id' USING ERRCODE = 'P0001';
      END IF;
      prefix := convert_to(left(decision, -1) || ',"by":' || to_json(session_user::text)::text,
        'UTF8');
      -- One chain over the log, as over one file: from the last link, else from the start.
      SELECT l.seq, l.link INTO link_seq, link_value FROM watchfloor.log l
        WHERE l.link IS NOT NULL ORDER BY l.seq DESC LIMIT 1;
      SELECT coalesce(string_agg(l.line || '\\x0a'::bytea, ''::bytea ORDER BY l.seq), '')
        INTO since FROM watchfloor.log l WHERE l.seq > coalesce(link_seq, 0);
      IF link_seq IS NULL THEN
        value := encode(sha256(since || prefix), 'hex');
      ELSE
        value := encode(sha256(convert_to(link_value, 'UTF8') || since || prefix), 'hex');
      END IF;
      stored := prefix || convert_to(',"chain":"' || value || '"}', 'UTF8');
      INSERT INTO watchfloor.log (line, event_id) VALUES (stored, decision_id)
        RETURNING log.seq INTO new_seq;
      RETURN QUERY SELECT new_seq, stored;
    END $$;

    REVOKE ALL ON SCHEMA watchfloor FROM PUBLIC;
    REVOKE ALL ON watchfloor.log FROM PUBLIC;
    REVOKE ALL ON FUNCTION watchfloor.append_lines(bytea[]) FROM PUBLIC;
    REVOKE ALL ON FUNCTION watchfloor.import_lines(text, bigint, bytea[]) FROM PUBLIC;
    REVOKE ALL ON FUNCTION watchfloor.decide(text, text) FROM PUBLIC;
    GRANT USAGE ON SCHEMA watchfloor TO watchfloor_viewer, watchfloor_officer, watchfloor_feed;
    GRANT SELECT ON watchfloor.log, watchfloor.migrations
      TO watchfloor_viewer, watchfloor_officer, watchfloor_feed;
    GRANT EXECUTE ON FUNCTION watchfloor.decide(text, text) TO watchfloor_officer;
    GRANT EXECUTE ON FUNCTION watchfloor.append_lines(bytea[]) TO watchfloor_feed;
    """
}
