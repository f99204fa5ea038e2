package io.miningos.gateway.domain.identity;

/** Read and/or write access to one resource. */
public record Access(boolean read, boolean write) {

    public static final Access NONE = new Access(false, false);

    /** Parses a level string made of {@code r} and {@code w} (e.g. {@code r}, {@code w}, {@code rw}). */
    public static Access parseLevel(String level) {
        if (level == null || level.isEmpty() || level.length() > 2) {
            throw new IllegalArgumentException("permission level must be r, w or rw: " + level);
        }
        boolean read = false;
        boolean write = false;
        for (char c : level.toCharArray()) {
            switch (c) {
                case 'r' -> read = true;
                case 'w' -> write = true;
                default -> throw new IllegalArgumentException("permission level must be r, w or rw: " + level);
            }
        }
        return new Access(read, write);
    }

    public Access union(Access other) {
        return new Access(read || other.read, write || other.write);
    }

    /** True when every level this access asks for is granted by {@code granted}. */
    public boolean isGrantedBy(Access granted) {
        return (!read || granted.read) && (!write || granted.write);
    }

    public boolean any() {
        return read || write;
    }
}
