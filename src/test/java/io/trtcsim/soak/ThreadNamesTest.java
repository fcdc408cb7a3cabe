package io.trtcsim.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadNamesTest {

    @Test
    void countsKindsOfThreadsWithTheirNumbersFolded() {
        ThreadNames names = ThreadNames.of(List.of("sfu-rx-12\n", "sfu-rx-13\n", "java\n", "VM Thread\n"));
        assertThat(names.countByName()).containsEntry("sfu-rx-#", 2L).containsEntry("java", 1L).containsEntry("VM Thread", 1L);
    }

    @Test
    void namesTheKindsThatGrewMostGrownFirst() {
        ThreadNames start = ThreadNames.of(List.of("worker-1", "signaling", "gc"));
        ThreadNames end = ThreadNames.of(List.of("worker-1", "worker-2", "signaling", "signaling", "signaling", "pacer"));
        assertThat(end.grownSince(start)).containsExactly("'signaling': 1 -> 3", "'pacer': 0 -> 1", "'worker-#': 1 -> 2");
    }

    @Test
    void thisProcessHasNamedThreads() {
        assertThat(ThreadNames.ofThisProcess().countByName()).isNotEmpty();
    }
}
