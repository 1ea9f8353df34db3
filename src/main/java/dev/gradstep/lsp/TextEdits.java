package dev.gradstep.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies an editor's change (a range replaced, or the whole text) to a document's text. */
final class TextEdits {

    private TextEdits() {
    }

    static String apply(String text, TextDocumentContentChangeEvent change) {
        if (change.getRange() == null) {
            return change.getText();
        }
        int from = offset(text, change.getRange().getStart());
        int to = offset(text, change.getRange().getEnd());
        if (to < from) {
            int t = from;
            from = to;
            to = t;
        }
        return text.substring(0, from) + change.getText() + text.substring(to);
    }

    /** The offset of a position (UTF-16 units, as the protocol counts); past a line's end is its end. */
    static int offset(String text, Position p) {
        int line = 0;
        int at = 0;
        while (line < p.getLine()) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                return text.length();
            }
            at = nl + 1;
            line++;
        }
        int end = text.indexOf('\n', at);
        end = end < 0 ? text.length() : end;
        return Math.min(at + Math.max(0, p.getCharacter()), end);
    }
}
