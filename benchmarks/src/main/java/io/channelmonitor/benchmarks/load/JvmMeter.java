package io.channelmonitor.benchmarks.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What this JVM spends: process CPU time, heap in use after each garbage collection (the largest
 * seen since {@link #reset()}), live threads (the peak since {@link #reset()}), and the heap after
 * an explicit full collection.
 */
final class JvmMeter implements AutoCloseable {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;

  JvmMeter() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  /** Forgets the heap and thread peaks. */
  void reset() {
    maxAfterGc.set(0);
    collections.set(0);
    threads.resetPeakThreadCount();
  }

  long cpuNanos() {
    return os.getProcessCpuTime();
  }

  /** The largest heap in use right after a collection since {@link #reset()}, in bytes. */
  long maxHeapAfterGc() {
    return maxAfterGc.get();
  }

  long collections() {
    return collections.get();
  }

  int liveThreads() {
    return threads.getThreadCount();
  }

  int peakThreads() {
    return threads.getPeakThreadCount();
  }

  /** Heap in use after full collections, in bytes: the live set. */
  static long heapAfterFullGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      used += usage.getUsed();
    }
    long heap = used - nonHeap(info);
    maxAfterGc.accumulateAndGet(heap, Math::max);
    collections.incrementAndGet();
  }

  /** The non-heap pools (metaspace, code cache) the after-GC map also lists. */
  private static long nonHeap(GarbageCollectionNotificationInfo info) {
    long used = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.NON_HEAP) {
        MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        used += usage == null ? 0 : usage.getUsed();
      }
    }
    return used;
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
