package io.backupverify.engine.target;

/**
 * Who owns a file and what its permission bits allow.
 *
 * @param owner the owning user's name, or its numeric id where no name is known
 * @param group the owning group's name, or its numeric id where no name is known
 * @param mode  the permission bits, such as {@code 0640}
 */
public record PosixFileInfo(String owner, String group, int mode) {
    public boolean ownerCanWrite() {
        return (mode & 0200) != 0;
    }

    public boolean groupCanWrite() {
        return (mode & 0020) != 0;
    }

    public boolean othersCanRead() {
        return (mode & 0004) != 0;
    }

    public boolean othersCanWrite() {
        return (mode & 0002) != 0;
    }

    /** The mode as {@code ls -l} shows it, such as {@code rw-r-----}. */
    public String symbolic() {
        StringBuilder text = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            text.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        return text.toString();
    }
}
