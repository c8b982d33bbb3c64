package io.backupverify.engine.check.copies;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server a copy is stored on: its name as the plan or the mount writes it, and the addresses that name resolves to
 * here. Two names that share any address are one host ({@code localhost} and {@code 127.0.0.1}, {@code nas} and its
 * address); a name that cannot be resolved is compared by name only.
 *
 * @param name      the name in lower case, without the brackets of an IPv6 address
 * @param addresses every address it resolves to, and any the mount table gives for it; empty when none is known
 */
record Host(String name, Set<String> addresses) {
    Host {
        addresses = Set.copyOf(addresses);
    }

    /** Resolves a host name (all its addresses), adding the addresses known otherwise (a mount's {@code addr=}). */
    static Host of(String written, Collection<String> knownAddresses) {
        String name = written.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        Set<String> addresses = new TreeSet<>();
        for (String known : knownAddresses) {
            addresses.addAll(resolve(known).orElseGet(Set::of));
        }
        resolve(name).ifPresent(addresses::addAll);
        return new Host(name, addresses);
    }

    static Host of(String written) {
        return of(written, Set.of());
    }

    private static Optional<Set<String>> resolve(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            Set<String> addresses = new LinkedHashSet<>();
            for (InetAddress address : InetAddress.getAllByName(name)) {
                addresses.add(address.getHostAddress());
            }
            return Optional.of(addresses);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether no address is known for it: then it is compared by name only. */
    boolean unresolved() {
        return addresses.isEmpty();
    }

    /** Whether both are the same host: the same name, or any address in common. */
    boolean sameAs(Host other) {
        return name.equals(other.name) || addresses.stream().anyMatch(other.addresses::contains);
    }

    /** An address both resolve to, for messages. */
    Optional<String> commonAddress(Host other) {
        return addresses.stream().filter(other.addresses::contains).findFirst();
    }
}
