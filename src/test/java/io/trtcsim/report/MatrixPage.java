package io.trtcsim.report;

import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The conformance matrix's Markdown as a self-contained HTML page, each outcome cell coloured
 * (pass, fail, not supported, skipped) so a reader of the CI artifacts sees the gaps at a glance.
 */
final class MatrixPage {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }
            td.pass { background: #dff0d8; }
            td.fail { background: #f2dede; font-weight: bold; }
            td.unsupported { background: #eee; color: #555; }
            td.skipped { background: #fcf8e3; }
            """;

    private MatrixPage() {
    }

    static String render(String markdown) {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        Node document = Parser.builder().extensions(extensions).build().parse(markdown);
        String body = HtmlRenderer.builder().extensions(extensions)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof TableCell cell) {
                        String outcome = outcomeClass(cell);
                        if (!outcome.isEmpty()) {
                            attributes.put("class", outcome);
                        }
                    }
                })
                .build().render(document);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Conformance matrix</title><style>"
                + STYLE + "</style></head><body>\n" + body + "</body></html>\n";
    }

    /** The CSS class for a cell of the matrix from its text; empty for any other cell. */
    static String outcomeClass(TableCell cell) {
        Node first = cell.getFirstChild();
        if (first instanceof StrongEmphasis strong && strong.getFirstChild() instanceof Text text
                && text.getLiteral().equals("fail")) {
            return "fail";
        }
        if (!(first instanceof Text text)) {
            return "";
        }
        String literal = text.getLiteral();
        if (literal.equals("pass")) {
            return "pass";
        }
        if (literal.startsWith("not supported")) {
            return "unsupported";
        }
        return literal.startsWith("skipped") ? "skipped" : "";
    }
}
