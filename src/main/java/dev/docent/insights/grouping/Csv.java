package dev.docent.insights.grouping;

import java.util.List;

/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with =, +, -,
 *
 * @, tab or carriage return) is prefixed with an apostrophe: questions are typed by
 * readers.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

}
