package io.channelmonitor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.internal.DaemonThreads;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerExecutorsTest {
  @Test
  void platformWorkersAreNamedDaemonThreads() throws InterruptedException {
    ExecutorService pool =
        WorkerExecutors.platform(
            2, new TrackedThreads(DaemonThreads.named(WorkerExecutors.THREAD_PREFIX)));
    try {
      AtomicReference<Thread> thread = runOn(pool);

      assertThat(thread.get().getName()).startsWith("channel-monitor-worker-");
      assertThat(thread.get().isDaemon()).isTrue();
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void virtualThreadsAreUsedExactlyWhenTheJvmHasThem() throws InterruptedException {
    WorkerExecutors.Created created = WorkerExecutors.create(4);
    try {
      boolean java21 = Runtime.version().feature() >= 21;
      assertThat(created.virtual()).isEqualTo(java21);
      assertThat(created.threads().isPresent()).isEqualTo(!java21);

      AtomicReference<Thread> thread = runOn(created.executor());

      assertThat(thread.get().getName()).startsWith("channel-monitor-worker-");
      assertThat(thread.get().isDaemon()).isTrue();
    } finally {
      created.executor().shutdownNow();
      assertThat(created.executor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static AtomicReference<Thread> runOn(ExecutorService executor)
      throws InterruptedException {
    AtomicReference<Thread> thread = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);
    executor.execute(
        () -> {
          thread.set(Thread.currentThread());
          ran.countDown();
        });
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    return thread;
  }
}
