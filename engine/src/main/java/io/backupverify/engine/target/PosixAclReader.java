package io.backupverify.engine.target;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the POSIX access control lists below a local folder with {@code getfacl -R} (Debian's package {@code acl}),
 * which prints only the files that have more than their mode bits. Where getfacl is not installed, {@code ls -lR}
 * still tells whether any file has such a list (a {@code +} after its mode): none is an answer, some are an
 * {@link UnansweredException} naming where, since whom they let write cannot be read.
 */
final class PosixAclReader {
    private static final Pattern LS_MODE_WITH_ACL = Pattern.compile("[-bcdlps][-rwxsStT]{9}\\+");
    private static final int MESSAGE_LIMIT = 4096;

    private final String getfacl;
    private final String ls;

    PosixAclReader(String getfacl, String ls) {
        this.getfacl = getfacl;
        this.ls = ls;
    }

    static PosixAclReader system() {
        return new PosixAclReader("getfacl", "ls");
    }

    /** The lists below {@code root} (a real path, no link), by path relative to it. */
    Map<String, PosixAcl> read(Path root) throws IOException {
        Process process = start(List.of(getfacl, "-R", "-s", "-P", "-p", "--", root.toString()));
        if (process == null) {
            return withoutGetfacl(root);
        }
        Map<String, PosixAcl> lists = new HashMap<>();
        Block block = null;
        String rootText = root.toString();
        try (Errors errors = new Errors(process); BufferedReader out = reader(process.getInputStream())) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("# file: ")) {
                    block = new Block(relative(rootText, unescape(line.substring("# file: ".length()))));
                } else if (line.isEmpty()) {
                    if (block != null && block.path != null) {
                        lists.put(block.path, block.acl());
                    }
                    block = null;
                } else if (block != null && !line.startsWith("#")) {
                    block.entry(line);
                }
            }
            if (block != null && block.path != null) {
                lists.put(block.path, block.acl());
            }
            int exit = waitFor(process);
            if (exit != 0) {
                throw new UnansweredException("cannot read the access control lists below " + root + " (getfacl "
                        + "exit " + exit + errors.firstLine() + "), so who else may write is unknown");
            }
        }
        return lists;
    }

    private Map<String, PosixAcl> withoutGetfacl(Path root) throws IOException {
        Process process = start(List.of(ls, "-lAR", "--quoting-style=escape", "--", root.toString()));
        if (process == null) {
            throw new UnansweredException("cannot tell whether files below " + root + " have access control lists: "
                    + "neither getfacl nor ls could be run");
        }
        String folder = root.toString();
        String firstFolder = null;
        long withLists = 0;
        try (Errors errors = new Errors(process); BufferedReader out = reader(process.getInputStream())) {
            String line;
            while ((line = out.readLine()) != null) {
                int space = line.indexOf(' ');
                if (line.endsWith(":") && line.startsWith("/")) {
                    folder = line.substring(0, line.length() - 1);
                } else if (space > 0 && LS_MODE_WITH_ACL.matcher(line.substring(0, space)).matches()) {
                    withLists++;
                    if (firstFolder == null) {
                        firstFolder = folder;
                    }
                }
            }
            int exit = waitFor(process);
            if (exit != 0) {
                throw new UnansweredException("cannot tell whether files below " + root + " have access control "
                        + "lists (ls exit " + exit + errors.firstLine() + ")");
            }
        }
        if (withLists > 0) {
            throw new UnansweredException(withLists + " entr" + (withLists == 1 ? "y" : "ies") + " below " + root
                    + " (the first in " + firstFolder + ") ha" + (withLists == 1 ? "s" : "ve") + " an access control "
                    + "list (ls -l shows +), which may let other users or groups write; reading it needs getfacl "
                    + "(the package acl)");
        }
        return Map.of();
    }

    /** The process, or null when the program cannot be started (not installed). */
    private static Process start(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            return null;
        }
    }

    /** Bytes as they come: names are decoded after getfacl's escapes are undone. */
    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading access control lists", e);
        }
    }

    /** The path below the root, "" for the root itself, null for anything else. */
    private static String relative(String root, String path) {
        if (path.equals(root)) {
            return "";
        }
        return path.startsWith(root + "/") ? path.substring(root.length() + 1) : null;
    }

    /** getfacl's escapes ({@code \\} and three octal digits per byte) undone, the bytes read as UTF-8. */
    static String unescape(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                bytes.write('\\');
                i++;
            } else if (c == '\\' && i + 3 < text.length() && octal(text, i + 1)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean octal(String text, int from) {
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    /** One file's entries as getfacl lists them. */
    private static final class Block {
        private final String path;
        private final List<String[]> named = new ArrayList<>();
        private String owningGroup;
        private String mask;

        Block(String path) {
            this.path = path;
        }

        /** {@code tag:qualifier:perms}, perhaps followed by a tab and {@code #effective:...}; defaults are skipped. */
        void entry(String line) {
            int comment = line.indexOf('#');
            String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            if (first < 0 || last == first || entry.startsWith("default:")) {
                return;
            }
            String tag = entry.substring(0, first);
            String qualifier = unescape(entry.substring(first + 1, last));
            String perms = entry.substring(last + 1);
            if (tag.equals("mask")) {
                mask = perms;
            } else if (tag.equals("group") && qualifier.isEmpty()) {
                owningGroup = perms;
            } else if ((tag.equals("user") || tag.equals("group")) && !qualifier.isEmpty()) {
                named.add(new String[] {tag, qualifier, perms});
            }
        }

        PosixAcl acl() {
            List<String> users = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (String[] entry : named) {
                if (writes(entry[2])) {
                    (entry[0].equals("user") ? users : groups).add(entry[1]);
                }
            }
            return new PosixAcl(users, groups, owningGroup == null || writes(owningGroup));
        }

        /** The entry allows writing and the mask (which limits every named entry and the owning group) too. */
        private boolean writes(String perms) {
            return perms.length() > 1 && perms.charAt(1) == 'w' && (mask == null || mask.length() > 1
                    && mask.charAt(1) == 'w');
        }
    }

    /** Reads the process's error output beside it, keeping its start for the message. */
    private static final class Errors implements AutoCloseable {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Process process;
        private final Thread drain;

        Errors(Process process) {
            this.process = process;
            InputStream in = process.getErrorStream();
            drain = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        synchronized (kept) {
                            kept.write(buffer, 0, Math.max(0, Math.min(n, MESSAGE_LIMIT - kept.size())));
                        }
                    }
                } catch (IOException e) {
                    // the process is gone; what was kept is the message
                }
            }, "acl-errors");
            drain.setDaemon(true);
            drain.start();
        }

        String firstLine() {
            try {
                drain.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text;
            synchronized (kept) {
                text = kept.toString(StandardCharsets.UTF_8).strip();
            }
            int newline = text.indexOf('\n');
            String first = newline < 0 ? text : text.substring(0, newline);
            return first.isEmpty() ? "" : ": " + first;
        }

        /** Stops the program when its output was not read to the end (an error on the way). */
        @Override
        public void close() {
            process.destroy();
        }
    }
}
