package io.trtcsim.load;

/**
 * One load process among {@code count} that share a stack: shard {@code index} takes its own rooms
 * and names, so shards never meet. In a Kubernetes Indexed Job the index is the pod's completion
 * index; in a CI matrix, the matrix value.
 */
public record Shard(int index, int count) {

    public static final Shard ONLY = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("--shard-count " + count + ": there is at least one shard");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard-index " + index + " is outside 0.." + (count - 1)
                    + " (--shard-count " + count + "; shards are numbered from 0, as a Kubernetes completion index)");
        }
    }

    /** What every userId of this shard starts with: "s0", "s1", ... */
    public String namePrefix() {
        return "s" + index;
    }

    @Override
    public String toString() {
        return index + " of " + count;
    }
}
