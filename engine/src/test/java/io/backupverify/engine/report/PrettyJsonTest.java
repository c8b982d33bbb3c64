package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** PrettyJson writes what Jackson's generator with its default pretty printer writes, byte for byte. */
class PrettyJsonTest {
    @Test
    void laysOutAndEscapesAsJacksonDoes() throws IOException {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        Both both = new Both();
        try (both) {
            both.startObject().field("ascii", ascii.toString())
                    .field("unicode \"name\"\n", "é ü ✓ \uD83D\uDE00 lone \uD800 \u2028 \u007F")
                    .field("empty", "").field("nothing", null).nullField("null")
                    .field("max", Long.MAX_VALUE).field("min", Long.MIN_VALUE)
                    .objectField("empty object").endObject().arrayField("empty array").endArray()
                    .arrayField("numbers");
            for (double value : new double[] {0, -0.0, 0.1, 1e-7, 1e21, 123456.789, Double.MAX_VALUE, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                both.json.number(value);
                both.jackson.writeNumber(value);
            }
            for (float value : new float[] {0.1f, 3e10f, Float.NaN}) {
                both.json.number(value);
                both.jackson.writeNumber(value);
            }
            for (BigDecimal value : new BigDecimal[] {new BigDecimal("1E+3"), new BigDecimal("-12.500")}) {
                both.json.number(value);
                both.jackson.writeNumber(value);
            }
            both.json.number(new BigInteger("123456789012345678901234567890"));
            both.jackson.writeNumber(new BigInteger("123456789012345678901234567890"));
            both.endArray()
                    .arrayField("nested").startObject().field("a", 1).arrayField("deeper")
                    .startArray().bool(true).bool(false).endArray()
                    .startObject().endObject()
                    .startObject().name("x").startObject().field("y", "z").endObject().endObject()
                    .nullValue().string("last").endArray().endObject()
                    .startObject().endObject().raw("{\"raw\":1}").endArray()
                    .field("after", "nested").endObject();
        }

        assertThat(both.ours.toString()).isEqualTo(both.theirs.toString());
    }

    @Test
    void closingClosesWhatIsOpenAsJacksonDoes() throws IOException {
        Both both = new Both();
        try (both) {
            both.startObject().arrayField("open").startObject().field("k", "v");
        }

        assertThat(both.ours.toString()).isEqualTo(both.theirs.toString());
    }

    @Test
    void theReportIsWhatJacksonWritesForTheSameValues() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String report : new String[] {new JsonReport().toString(JsonReportTest.sample()),
                new JsonReport().toString(ReportFixtures.mixed())}) {
            assertThat(report).isEqualTo(mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(mapper.readTree(report)));
        }
    }

    /** Writes everything twice: with PrettyJson and with Jackson's generator and default pretty printer. */
    private static final class Both implements AutoCloseable {
        final StringWriter ours = new StringWriter();
        final StringWriter theirs = new StringWriter();
        final PrettyJson json = new PrettyJson(ours);
        final JsonGenerator jackson;

        Both() throws IOException {
            jackson = new JsonFactory().createGenerator(theirs).useDefaultPrettyPrinter();
        }

        Both startObject() throws IOException {
            json.startObject();
            jackson.writeStartObject();
            return this;
        }

        Both endObject() throws IOException {
            json.endObject();
            jackson.writeEndObject();
            return this;
        }

        Both startArray() throws IOException {
            json.startArray();
            jackson.writeStartArray();
            return this;
        }

        Both endArray() throws IOException {
            json.endArray();
            jackson.writeEndArray();
            return this;
        }

        Both name(String name) throws IOException {
            json.name(name);
            jackson.writeFieldName(name);
            return this;
        }

        Both field(String name, String value) throws IOException {
            json.field(name, value);
            jackson.writeStringField(name, value);
            return this;
        }

        Both field(String name, long value) throws IOException {
            json.field(name, value);
            jackson.writeNumberField(name, value);
            return this;
        }

        Both nullField(String name) throws IOException {
            json.nullField(name);
            jackson.writeNullField(name);
            return this;
        }

        Both objectField(String name) throws IOException {
            json.objectField(name);
            jackson.writeObjectFieldStart(name);
            return this;
        }

        Both arrayField(String name) throws IOException {
            json.arrayField(name);
            jackson.writeArrayFieldStart(name);
            return this;
        }

        Both string(String value) throws IOException {
            json.string(value);
            jackson.writeString(value);
            return this;
        }

        Both nullValue() throws IOException {
            json.nullValue();
            jackson.writeNull();
            return this;
        }

        Both bool(boolean value) throws IOException {
            json.bool(value);
            jackson.writeBoolean(value);
            return this;
        }

        Both raw(String value) throws IOException {
            json.raw(value);
            jackson.writeRawValue(value);
            return this;
        }

        @Override
        public void close() throws IOException {
            json.close();
            jackson.close();
        }
    }
}
