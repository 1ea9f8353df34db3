package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void inMemory_remembersThemeSizeAndDerivation() {
        Settings s = Settings.inMemory();
        assertEquals(Theme.LIGHT, s.theme());
        assertEquals(1000, s.width(1000));
        s.setTheme(Theme.DARK);
        s.setSize(1300, 900);
        s.setLastDerivation("softmax-ce-quotient");
        assertEquals(Theme.DARK, s.theme());
        assertEquals(1300, s.width(1000));
        assertEquals(900, s.height(700));
        assertEquals("softmax-ce-quotient", s.lastDerivation().orElseThrow());
    }

    @Test
    void nonsenseSize_fallsBack() {
        Settings s = Settings.inMemory();
        s.setSize(5, 1e9);
        assertEquals(1024, s.width(1024));
        assertEquals(768, s.height(768));
    }

    @Test
    void studentText_longerThanOnePreferenceValue_comesBackWhole() {
        Map<String, String> values = new HashMap<>();
        Settings s = new Settings(new Settings.Store() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                assertTrue(value.length() <= 8192, "a preferences value holds at most 8192 characters");
                values.put(key, value);
            }

            @Override
            public void flush() {
            }
        });
        assertEquals("", s.studentText());
        String text = "\\begin{align}\n  L &= -\\sum_i y_i \\log s_i \\\\\n".repeat(700);
        s.setStudentText(text);
        assertEquals(text, s.studentText());
        s.setStudentText("short");
        assertEquals("short", s.studentText());
    }

    @Test
    void appContext_restoresAndKeepsWhatWasTypedInCheckMyDerivation() {
        Settings settings = Settings.inMemory();
        settings.setStudentText("\\[ L = -\\log s_c \\]");
        try (AppContext ctx = AppContext.withoutCas(settings, Runnable::run)) {
            assertEquals("\\[ L = -\\log s_c \\]", ctx.studentCheck().textProperty().get());
            ctx.studentCheck().textProperty().set("\\[ s_i = 1 \\]");
        }
        assertEquals("\\[ s_i = 1 \\]", settings.studentText());
    }
}
