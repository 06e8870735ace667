package dev.praxis.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An address block such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a block of one. */
record Cidr(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
        }
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        return new Cidr(address.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits);
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /**
     * An IP address written as a literal ({@code 203.0.113.7}, {@code 2001:db8::1}, {@code [2001:db8::1]:443},
     * {@code 203.0.113.7:443}), or null for anything else. Never a DNS lookup: names are rejected before parsing.
     */
    static InetAddress literal(String text) {
        String candidate = text.trim();
        if (candidate.startsWith("[")) {
            int end = candidate.indexOf(']');
            if (end < 0) {
                return null;
            }
            candidate = candidate.substring(1, end);
        } else if (candidate.indexOf(':') == candidate.lastIndexOf(':') && candidate.indexOf(':') > 0) {
            candidate = candidate.substring(0, candidate.indexOf(':'));
        }
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }
}
