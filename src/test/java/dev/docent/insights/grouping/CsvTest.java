package dev.docent.insights.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void rowsEndInCrLfAndCellsThatNeedItAreQuoted() {
        String csv = new Csv().row("a", "b,c", "say \"hi\"", "two\nlines", null, 42).toString();
        assertThat(csv).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDisarmed() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
    }

}
