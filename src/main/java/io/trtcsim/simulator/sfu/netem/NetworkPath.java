package io.trtcsim.simulator.sfu.netem;

import io.trtcsim.network.LinkConditions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One direction of one participant's access link, shared by all of its transports (a capacity
 * caps their sum, as on a real link). A transport asks {@link #isNeutral()} first: a neutral path
 * is not used at all, so media without conditions takes no extra hop. Otherwise it offers each
 * whole datagram; the {@link LinkModel} decides its fate at once, and a datagram that passes is
 * handed to its {@link Delivery} at its release time by this path's own thread
 * ({@code sfu-netem-<participant>-<direction>}, a daemon), started when the path gets conditions
 * or a datagram and ended when the conditions are lifted and nothing waits. Two leaf locks, never
 * held together nor while delivering: the model's (pure arithmetic) and the queue's.
 */
public final class NetworkPath implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkPath.class);

    /** Where a released datagram goes; called on the path's thread, one datagram at a time. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(byte[] datagram);
    }

    private record Pending(long releaseNanos, long order, byte[] datagram, Delivery delivery) {
    }

    private final String name;
    private final LongSupplier clock;
    private final LinkModel model;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Ordered by release time, then by admission, so equal times keep their order. */
    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.releaseNanos != b.releaseNanos
            ? Long.compare(a.releaseNanos, b.releaseNanos) : Long.compare(a.order, b.order));
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong droppedByOutage = new AtomicLong();
    private final AtomicLong droppedByQueueOverflow = new AtomicLong();
    private final AtomicLong droppedAtClose = new AtomicLong();
    private long admitted;
    private volatile LinkConditions conditions = LinkConditions.NONE;
    private volatile boolean neutral = true;
    private Thread thread;
    private boolean closed;

    /**
     * @param name   the participant and direction, for the thread's name
     * @param random the source of loss and jitter (seed it for repeatable runs)
     * @param clock  nanoseconds, as {@link System#nanoTime()}
     */
    public NetworkPath(String name, RandomGenerator random, LongSupplier clock) {
        this.name = name;
        this.clock = clock;
        this.model = new LinkModel(random);
    }

    /** True when datagrams pass untouched: the caller then sends or handles them itself, at once. */
    public boolean isNeutral() {
        return neutral;
    }

    public LinkConditions conditions() {
        return conditions;
    }

    /** Applies at once to every datagram offered from now on; those already waiting keep their times. */
    public void conditions(LinkConditions newConditions) {
        lock.lock();
        try {
            conditions = newConditions;
            neutral = newConditions.isNone();
            if (!neutral) {
                startThread();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Decides a datagram's fate now; one that passes is delivered later on the path's thread.
     *
     * @param datagram the whole datagram, owned by the path from now on
     * @return false when it was dropped (counted here), true when it will be delivered
     */
    public boolean offer(byte[] datagram, Delivery delivery) {
        Fate fate;
        long order;
        synchronized (model) {
            fate = model.admit(conditions, datagram.length, clock.getAsLong());
            order = admitted++;
        }
        if (!fate.passes()) {
            (switch (fate.drop()) {
                case OUTAGE -> droppedByOutage;
                case LOSS -> lost;
                case QUEUE_OVERFLOW -> droppedByQueueOverflow;
            }).incrementAndGet();
            return false;
        }
        lock.lock();
        try {
            if (closed) {
                droppedAtClose.incrementAndGet();
                return false;
            }
            queue.add(new Pending(fate.releaseNanos(), order, datagram, delivery));
            startThread();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** Under the lock. */
    private void startThread() {
        if (thread == null && !closed) {
            thread = new Thread(this::releaseLoop, "sfu-netem-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void releaseLoop() {
        while (true) {
            Pending next = nextDue();
            if (next == null) {
                return;
            }
            try {
                next.delivery().deliver(next.datagram());
                passed.incrementAndGet();
            } catch (RuntimeException e) {
                // A delivery that fails (a malformed datagram, a closed socket) costs that datagram only.
                log.debug("{}: a released datagram could not be delivered", name, e);
            }
        }
    }

    /** Waits for the next datagram's release time; null when the thread should end. */
    private Pending nextDue() {
        lock.lock();
        try {
            while (!closed) {
                Pending head = queue.peek();
                if (head == null) {
                    if (neutral) {
                        thread = null;
                        return null;
                    }
                    changed.await();
                    continue;
                }
                long wait = head.releaseNanos() - clock.getAsLong();
                if (wait <= 0) {
                    return queue.poll();
                }
                changed.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            // Only close() interrupts, and it has already let go of this thread.
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return null;
    }

    /** Datagrams waiting for their release time. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the path's thread runs (for tests: a neutral path has none). */
    public boolean hasThread() {
        lock.lock();
        try {
            return thread != null;
        } finally {
            lock.unlock();
        }
    }

    public long passed() {
        return passed.get();
    }

    public long lost() {
        return lost.get();
    }

    public long droppedByOutage() {
        return droppedByOutage.get();
    }

    public long droppedByQueueOverflow() {
        return droppedByQueueOverflow.get();
    }

    /** The conditions in force and what the path did, for the plane's view. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("conditions", conditions.toWire());
        view.put("passed", passed.get());
        view.put("lost", lost.get());
        view.put("droppedByOutage", droppedByOutage.get());
        view.put("droppedByQueueOverflow", droppedByQueueOverflow.get());
        view.put("queued", queued());
        return view;
    }

    /** Drops what waits and ends the thread without waiting for it. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            droppedAtClose.addAndGet(queue.size());
            queue.clear();
            running = thread;
            thread = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public String toString() {
        return name + ": " + conditions;
    }
}
