package dev.gradstep.derivation;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys and rule names: the nearest candidate by edit distance. */
public final class Suggest {

    private Suggest() {
    }

    /** The closest candidate, or null when none is close enough to be a plausible typo. */
    public static String nearest(String given, Collection<String> candidates) {
        String g = given.toLowerCase(Locale.ROOT).trim();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(g, c);
            boolean prefix = g.length() >= 3 && (c.startsWith(g) || g.startsWith(c));
            if (d < bestDistance && (d <= tolerance(c) || prefix)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    // Short names tolerate one slip, longer ones more: "if" -> "id", "stpes" -> "steps".
    private static int tolerance(String candidate) {
        int n = candidate.length();
        return n <= 4 ? 1 : n <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance: a swap of neighbours ("stpes") costs one edit, as people mistype. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
