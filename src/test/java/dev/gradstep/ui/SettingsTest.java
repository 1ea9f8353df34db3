package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
