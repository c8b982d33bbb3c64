package io.backupverify.engine.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.backupverify.engine.check.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history file of one run, schema {@value #SCHEMA}: compact JSON, one object. Read and written as a stream of
 * tokens (no tree of nodes, one shared factory), since an audit reads thousands of these files.
 */
public final class HistoryFormat {
    public static final String SCHEMA = "backup-verify/history/v1";

    private static final JsonFactory JSON = new JsonFactory();

    public byte[] write(RunRecord run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("schema", SCHEMA);
            out.writeStringField("kind", run.kind().id());
            out.writeStringField("plan", run.plan());
            out.writeNumberField("runNumber", run.runNumber());
            out.writeStringField("startedAt", run.startedAt().toString());
            out.writeStringField("finishedAt", run.finishedAt().toString());
            out.writeStringField("status", run.status().name());
            out.writeArrayFieldStart("sets");
            for (SetRecord set : run.sets()) {
                writeSet(out, set);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a history record", e);
        }
        return bytes.toByteArray();
    }

    private static void writeSet(JsonGenerator out, SetRecord set) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", set.name());
        out.writeStringField("target", set.target());
        out.writeStringField("status", set.status().name());
        if (set.latestBackupTime() != null) {
            out.writeStringField("latestBackupTime", set.latestBackupTime().toString());
        }
        out.writeArrayFieldStart("checks");
        for (CheckRecord check : set.checks()) {
            out.writeStartObject();
            out.writeStringField("id", check.id());
            out.writeStringField("status", check.status().name());
            out.writeNumberField("durationMs", check.durationMs());
            if (!check.summary().isEmpty()) {
                out.writeStringField("summary", check.summary());
            }
            if (!check.values().isEmpty()) {
                out.writeObjectFieldStart("values");
                for (Map.Entry<String, Object> value : check.values().entrySet()) {
                    out.writeFieldName(value.getKey());
                    writeValue(out, value.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof BigDecimal big) {
            out.writeNumber(big);
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value.toString());
        }
    }

    /** Reads one record; anything that is not a complete v1 record is an IOException saying what is wrong. */
    public RunRecord read(byte[] bytes) throws IOException {
        try (JsonParser in = JSON.createParser(bytes)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a history record");
            }
            return readRun(in);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static RunRecord readRun(JsonParser in) throws IOException {
        String schema = null;
        String kind = null;
        String plan = "";
        long runNumber = 0;
        String startedAt = null;
        String finishedAt = null;
        String status = null;
        List<SetRecord> sets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken token = in.nextToken();
            switch (field) {
                case "schema" -> schema = scalar(in, token);
                case "kind" -> kind = scalar(in, token);
                case "plan" -> plan = orEmpty(scalar(in, token));
                case "runNumber" -> runNumber = number(in, token);
                case "startedAt" -> startedAt = scalar(in, token);
                case "finishedAt" -> finishedAt = scalar(in, token);
                case "status" -> status = scalar(in, token);
                case "sets" -> readSets(in, token, sets, problems);
                default -> in.skipChildren();
            }
        }
        if (!SCHEMA.equals(schema)) {
            throw new IOException("not a " + SCHEMA + " record (schema '" + orEmpty(schema) + "')");
        }
        try {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(problems.get(0));
            }
            return new RunRecord(RunKind.fromId(required(kind, "kind")), plan, runNumber,
                    Instant.parse(required(startedAt, "startedAt")), Instant.parse(required(finishedAt, "finishedAt")),
                    Status.valueOf(required(status, "status")), sets);
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("incomplete history record: " + e.getMessage());
        }
    }

    /** Reads the sets; a set that is incomplete is remembered as a problem, so the record is refused after all. */
    private static void readSets(JsonParser in, JsonToken token, List<SetRecord> sets, List<String> problems)
            throws IOException {
        if (token != JsonToken.START_ARRAY) {
            in.skipChildren();
            return;
        }
        while (in.nextToken() != JsonToken.END_ARRAY) {
            if (in.currentToken() != JsonToken.START_OBJECT) {
                in.skipChildren();
                problems.add("a set is not an object");
                continue;
            }
            try {
                sets.add(readSet(in));
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                problems.add(e.getMessage());
            }
        }
    }

    private static SetRecord readSet(JsonParser in) throws IOException {
        String name = null;
        String target = "";
        String status = null;
        String latest = null;
        List<CheckRecord> checks = new ArrayList<>();
        String problem = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken token = in.nextToken();
            switch (field) {
                case "name" -> name = scalar(in, token);
                case "target" -> target = orEmpty(scalar(in, token));
                case "status" -> status = scalar(in, token);
                case "latestBackupTime" -> latest = scalar(in, token);
                case "checks" -> {
                    if (token != JsonToken.START_ARRAY) {
                        in.skipChildren();
                        break;
                    }
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        if (in.currentToken() != JsonToken.START_OBJECT) {
                            in.skipChildren();
                            problem = "a check is not an object";
                            continue;
                        }
                        try {
                            checks.add(readCheck(in));
                        } catch (IllegalArgumentException | NullPointerException e) {
                            problem = problem == null ? e.getMessage() : problem;
                        }
                    }
                }
                default -> in.skipChildren();
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new SetRecord(required(name, "name"), target, Status.valueOf(required(status, "status")),
                latest == null ? null : Instant.parse(latest), checks);
    }

    private static CheckRecord readCheck(JsonParser in) throws IOException {
        String id = null;
        String status = null;
        long durationMs = 0;
        String summary = "";
        Map<String, Object> values = Map.of();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken token = in.nextToken();
            switch (field) {
                case "id" -> id = scalar(in, token);
                case "status" -> status = scalar(in, token);
                case "durationMs" -> durationMs = number(in, token);
                case "summary" -> summary = orEmpty(scalar(in, token));
                case "values" -> values = readValues(in, token);
                default -> in.skipChildren();
            }
        }
        return new CheckRecord(required(id, "id"), Status.valueOf(required(status, "status")), durationMs, summary,
                values);
    }

    /** Numbers (whole ones as Long), texts and booleans; anything else is left out. */
    private static Map<String, Object> readValues(JsonParser in, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            in.skipChildren();
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            switch (in.nextToken()) {
                case VALUE_NUMBER_INT -> values.put(name, in.getValueAsLong());
                case VALUE_NUMBER_FLOAT -> values.put(name, in.getValueAsDouble());
                case VALUE_STRING -> values.put(name, in.getText());
                case VALUE_TRUE -> values.put(name, Boolean.TRUE);
                case VALUE_FALSE -> values.put(name, Boolean.FALSE);
                default -> in.skipChildren();
            }
        }
        return values;
    }

    /** A scalar's text; null for null, objects and arrays (which are skipped). */
    private static String scalar(JsonParser in, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return in.getText();
        }
        in.skipChildren();
        return null;
    }

    private static long number(JsonParser in, JsonToken token) throws IOException {
        if (token.isScalarValue()) {
            return in.getValueAsLong();
        }
        in.skipChildren();
        return 0;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
