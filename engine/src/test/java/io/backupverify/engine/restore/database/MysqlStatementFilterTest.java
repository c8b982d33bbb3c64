package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the filter sends the client of dumps that name databases in every way the client and server accept. */
class MysqlStatementFilterTest {
    private static String filter(String sql) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MysqlStatementFilter(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)), out).run();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statementsNamingADatabaseAreLeftOutKeepingTheirLines() throws IOException {
        assertThat(filter("USE shop;\nCREATE TABLE t (id int);\n")).isEqualTo("\nCREATE TABLE t (id int);\n");
        assertThat(filter("use\tshop ;\nselect 1;")).isEqualTo("\nselect 1;");
        assertThat(filter("use/**/shop;select 1;")).isEqualTo("select 1;");
        assertThat(filter("USE \"shop\";\nselect 1;")).isEqualTo("\nselect 1;");
        assertThat(filter("/*!40000 USE shop*/;\nselect 1;")).isEqualTo("\nselect 1;");
        assertThat(filter("/*M!100100 USE `shop` */;\nselect 1;")).isEqualTo("\nselect 1;");
        assertThat(filter("SELECT 1; USE shop; select 2;")).isEqualTo("SELECT 1; select 2;");
        assertThat(filter("select 1\n;use shop;select 2;")).isEqualTo("select 1\n;select 2;");
        assertThat(filter("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET latin1 */;"
                + "\nUSE `shop`;\nselect 1;")).isEqualTo("\n\nselect 1;");
        assertThat(filter("create or replace schema if not exists shop;select 1;")).isEqualTo("select 1;");
        assertThat(filter("/*!40000 DROP DATABASE IF EXISTS `other`*/;\nselect 1;")).isEqualTo("\nselect 1;");
    }

    @Test
    void quotesAndCommentsAreNotStatements() throws IOException {
        String kept = "INSERT INTO t VALUES ('USE other; it''s \\' ; USE x'),(\"; USE y\");\n"
                + "-- USE other;\n# USE other;\n/* ; USE other; */ select `a;USE b`;\n";
        assertThat(filter(kept)).isEqualTo(kept);
        // "--" without a space after it is an operator: the statement after the ; is one
        assertThat(filter("SELECT 1 --1; USE other;\nselect 2;")).isEqualTo("SELECT 1 --1;\nselect 2;");
    }

    @Test
    void theClientsDelimiterAndTheServersSemicolonBothEndStatements() throws IOException {
        assertThat(filter("DELIMITER ;;\nUSE other;;\nselect 1;;\nDELIMITER ;\n"))
                .isEqualTo("DELIMITER ;;\n\nselect 1;;\nDELIMITER ;\n");
        assertThat(filter("DELIMITER //\nselect 1;\nUSE other;\nselect database();//\n"))
                .isEqualTo("DELIMITER //\nselect 1;\n\nselect database();//\n");
        assertThat(filter("delimiter $$\nUSE other$$select 1$$")).isEqualTo("delimiter $$\nselect 1$$");
    }

    @Test
    void alterDatabaseOfTheDumpsDatabaseAltersTheScratchOne() throws IOException {
        assertThat(filter("USE `shop`;\nALTER DATABASE `shop` CHARACTER SET latin1 ;\n"))
                .isEqualTo("\nALTER DATABASE        CHARACTER SET latin1 ;\n");
        assertThat(filter("ALTER DATABASE CHARACTER SET latin1;")).isEqualTo("ALTER DATABASE CHARACTER SET latin1;");
        assertThatThrownBy(() -> filter("USE shop;\nALTER DATABASE other CHARACTER SET latin1;"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("(shop, other)");
    }

    @Test
    void aSecondDatabaseOrAnUnreadableStatementCannotBeRestoreTested() {
        assertThatThrownBy(() -> filter("USE shop;\nselect 1;\nUSE other;\n"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("(shop, other)");
        assertThatThrownBy(() -> filter("CREATE DATABASE a;\n/*!40000 USE b*/;\n"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("(a, b)");
        assertThatThrownBy(() -> filter("/*!40101 SET SQL_MODE='NO_BACKSLASH_ESCAPES' */;\nselect 1;"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("NO_BACKSLASH_ESCAPES");
        assertThatThrownBy(() -> filter("select \"a\\\"; USE other; \";"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("ANSI_QUOTES");
        assertThatThrownBy(() -> filter("/*!40000 select 1; USE other */;"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("conditional comment");
        assertThatThrownBy(() -> filter("delimiter ;USE\n other;"))
                .isInstanceOf(DumpContentException.NotTestable.class).hasMessageContaining("delimiter");
    }

    @Test
    void aStatementAfterAConditionalCommentAnOldServerSkipsIsRead() throws IOException {
        assertThat(filter("/*M!999999 x */ USE other;\nselect 1;")).isEqualTo("\nselect 1;");
        assertThat(filter("/*!40000 a b c d e f g h i j */ USE other;\nselect 1;")).isEqualTo("\nselect 1;");
    }
}
