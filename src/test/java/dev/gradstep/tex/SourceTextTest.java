package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void decode_invalidUtf8Byte_namesTheByteItsOffsetLineAndColumn() {
        byte[] bytes = concat("ab\ncd".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, 'x'});
        SourceText.NotText e = assertThrows(SourceText.NotText.class, () -> SourceText.decode(bytes));
        assertEquals("byte 0xFF at offset 5 (line 2, column 3) is not valid UTF-8 text; save the file as UTF-8",
                e.getMessage());
    }

    @Test
    void decode_utf16WithByteOrderMark_readsTheText() throws Exception {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "s_j - y_j".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("s_j - y_j", SourceText.decode(bytes));
    }

    @Test
    void decode_utf16WithALoneSurrogate_saysWhereAndWhichEncoding() {
        // "a\n" then a high surrogate followed by 'b' (big-endian)
        byte[] bytes = {(byte) 0xFE, (byte) 0xFF, 0, 'a', 0, '\n', (byte) 0xD8, 0x00, 0, 'b'};
        SourceText.NotText e = assertThrows(SourceText.NotText.class, () -> SourceText.decode(bytes));
        assertEquals("byte 0xD8 at offset 6 (line 2, column 1) is not valid UTF-16 text; save the file as UTF-8",
                e.getMessage());
    }

    @Test
    void decode_utf8WithByteOrderMark_dropsTheMark() throws Exception {
        assertEquals("x", SourceText.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}));
    }
}
