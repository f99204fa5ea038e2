package io.miningos.gateway.domain.analytics;

import java.util.Comparator;

/**
 * Orders names the way people count: runs of digits compare as numbers, so {@code rack-2 < rack-10} and
 * {@code Rack 2 < Rack 10} (the Node gateway sorted rack names as plain text, putting "Rack 10" first).
 */
public final class NaturalText {

    public static final Comparator<String> ORDER = NaturalText::compare;

    private NaturalText() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int byLength = Integer.compare(na.length(), nb.length());
                int c = byLength != 0 ? byLength : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
