package dev.parley.system;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;

/**
 * Who a request comes from, for every limit per client and for the admin's built-in password: the address of the
 * peer as the servlet container reports it ({@link ServletRequest#getRemoteAddr()}). Nothing in Parley takes an
 * address from {@code X-Forwarded-For} (the admin's sign-in guard only notices that one is there). The container puts a forwarded address there only when Spring Boot's
 * forward-headers support is on ({@code server.forward-headers-strategy=native}) and the peer is one of the
 * proxies Tomcat trusts ({@code server.tomcat.remoteip.internal-proxies}, {@code trusted-proxies}); so a client
 * cannot pick its own address by sending the header.
 *
 * @param value the address as the container reports it, e.g. {@code 203.0.113.7} or {@code 2001:db8:0:0:0:0:0:1}
 */
public record ClientAddress(String value) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** The client address of a request. */
    public static ClientAddress of(ServletRequest request) {
        return new ClientAddress(String.valueOf(request.getRemoteAddr()));
    }

    /** Whether the request comes from this machine (127.0.0.0/8 or ::1). */
    public boolean isLoopback() {
        return isLoopbackLiteral(value);
    }

    /**
     * The key a limit counts this client under: the address itself, or for IPv6 its /64 network. One subscriber is
     * usually given a whole /64, and could otherwise take a fresh address, and a fresh allowance, per request.
     */
    public String limitKey() {
        if (!value.contains(":")) {
            return value;
        }
        try {
            // A literal with a colon is parsed as IPv6 and never looked up.
            InetAddress address = InetAddress.getByName(value);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress(); // IPv4-mapped (::ffff:a.b.c.d): the IPv4 client itself
            }
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return value;
        }
    }

    /**
     * Whether an IP address literal (IPv6 with or without brackets, as a Host header writes it) is a loopback
     * address. A host name is never looked up: only {@code localhost} itself is taken for the loopback host, by
     * {@link #isLoopbackHost(String)}.
     */
    public static boolean isLoopbackLiteral(String literal) {
        if (literal == null) {
            return false;
        }
        if (IPV4_LOOPBACK.matcher(literal).matches()) {
            return true;
        }
        String unbracketed = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        if (!unbracketed.contains(":")) {
            return false;
        }
        try {
            // A literal with a colon is parsed as IPv6 and never looked up; IPv4-mapped ones come back as IPv4.
            return InetAddress.getByName(unbracketed).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether a host name as a request names it (its Host header) is this machine: localhost or a loopback IP. */
    public static boolean isLoopbackHost(String host) {
        return host != null && ("localhost".equals(host.toLowerCase(Locale.ROOT)) || isLoopbackLiteral(host));
    }
}
