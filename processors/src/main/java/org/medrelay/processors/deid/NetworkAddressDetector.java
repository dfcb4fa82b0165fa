package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses, URLs and IP addresses (IPv4 and IPv6), Safe Harbor items F, N and O. */
final class NetworkAddressDetector implements PhiDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(?![\\w])");
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![\\w@])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'`|^{}\\[\\]\\\\]+");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\w]|\\.\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\w:])");

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        PhiFinding.allMatches(EMAIL.matcher(text), IdentifierKind.EMAIL, into);
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = url.end();
            while (end > url.start() && ".,;:!?)".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            into.add(PhiFinding.pseudonym(url.start(), end, IdentifierKind.URL));
        }
        PhiFinding.allMatches(IPV4.matcher(text), IdentifierKind.IP_ADDRESS, into);
        Matcher v6 = IPV6_CANDIDATE.matcher(text);
        while (v6.find()) {
            if (isIpv6(v6.group())) {
                into.add(PhiFinding.pseudonym(v6.start(), v6.end(), IdentifierKind.IP_ADDRESS));
            }
        }
    }

    /** Eight groups of 1-4 hex digits, or fewer with exactly one "::"; "10:30:00" is a time, not an address. */
    static boolean isIpv6(String candidate) {
        int compressions = candidate.split("::", -1).length - 1;
        if (compressions > 1 || candidate.contains(":::")) {
            return false;
        }
        int groups = 0;
        for (String group : candidate.split(":")) {
            if (group.isEmpty()) {
                continue;
            }
            if (group.length() > 4) {
                return false;
            }
            groups++;
        }
        if (compressions == 0) {
            return groups == 8 && !candidate.startsWith(":") && !candidate.endsWith(":");
        }
        return groups >= 1 && groups <= 7;
    }
}
