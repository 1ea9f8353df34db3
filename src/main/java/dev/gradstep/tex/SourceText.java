package dev.gradstep.tex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a file a user gave: UTF-8, or UTF-16 when it starts with a byte-order mark. Bytes
 * that are not valid text are reported by value, offset, line and column, not in the decoder's
 * words ("Input length = 1").
 */
public final class SourceText {

    private SourceText() {
    }

    /** The bytes do not decode; the message says where. */
    public static final class NotText extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        NotText(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** The 1-based line of the first byte that is not text. */
        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    public static String decode(byte[] bytes) throws NotText {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length + 1));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            int at = in.position();
            String what = at < bytes.length ? String.format("byte 0x%02X", bytes[at] & 0xFF) : "the last bytes";
            throw new NotText(what + " at offset " + at + " (line " + line + ", column " + column + ") is not valid "
                    + (charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16") + " text; save the file as UTF-8", line, column);
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
