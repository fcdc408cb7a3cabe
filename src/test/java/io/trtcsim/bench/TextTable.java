package io.trtcsim.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of already formatted cells, printed either as aligned plain text or as Markdown. The
 * first {@code textColumns} columns are labels (left-aligned), the others figures (right-aligned).
 */
final class TextTable {

    private final List<String> headers;
    private final int textColumns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(int textColumns, String... headers) {
        this.headers = List.of(headers);
        this.textColumns = textColumns;
    }

    void add(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size()
                    + " columns " + headers);
        }
        rows.add(List.of(cells));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String text() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(column == 0 ? "" : "  ").append(column < textColumns ? cell + padding : padding + cell);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    String markdown() {
        StringBuilder md = new StringBuilder("|");
        headers.forEach(header -> md.append(' ').append(header).append(" |"));
        md.append("\n|");
        for (int column = 0; column < headers.size(); column++) {
            md.append(column < textColumns ? "---|" : "---:|");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(cell -> md.append(' ').append(cell.replace("|", "\\|")).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }
}
