package dev.praxis.platform.security;

/**
 * The header values Spring Security's {@code StrictHttpFirewall} accepts by default (assigned code points, no control
 * characters), checked without its regular expression: that ran over the whole bearer token on every read of the
 * {@code Authorization} header, ~7% of a request's CPU under the benchmark (infra/bench).
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean isAllowed(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (codePoint < 0x20 || codePoint >= 0x7F) {
                int type = Character.getType(codePoint);
                if (type == Character.CONTROL || type == Character.UNASSIGNED) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
