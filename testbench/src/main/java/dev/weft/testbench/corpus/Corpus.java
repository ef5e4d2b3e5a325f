package dev.weft.testbench.corpus;

import dev.weft.testbench.programs.AbBaDeadlock;
import dev.weft.testbench.programs.AbBaFixed;
import dev.weft.testbench.programs.AllOfNotJoined;
import dev.weft.testbench.programs.AllOfNotJoinedFixed;
import dev.weft.testbench.programs.AsyncEchoLog;
import dev.weft.testbench.programs.AsyncEchoLogFixed;
import dev.weft.testbench.programs.AtomicCheckThenAct;
import dev.weft.testbench.programs.AtomicCheckThenActFixed;
import dev.weft.testbench.programs.AtomicUnderMonitorEarlyPublish;
import dev.weft.testbench.programs.AtomicUnderMonitorHandoff;
import dev.weft.testbench.programs.BarrierOverwrite;
import dev.weft.testbench.programs.BarrierOverwriteFixed;
import dev.weft.testbench.programs.BlockingEchoLog;
import dev.weft.testbench.programs.BlockingEchoLogFixed;
import dev.weft.testbench.programs.BufferClearRace;
import dev.weft.testbench.programs.BufferClearRaceFixed;
import dev.weft.testbench.programs.CancelledTally;
import dev.weft.testbench.programs.CancelledTallyFixed;
import dev.weft.testbench.programs.CasSpinHandoff;
import dev.weft.testbench.programs.CasSpinHandoffFixed;
import dev.weft.testbench.programs.CheckThenAct;
import dev.weft.testbench.programs.CheckThenActFixed;
import dev.weft.testbench.programs.ConditionLostSignal;
import dev.weft.testbench.programs.ConditionLostSignalFixed;
import dev.weft.testbench.programs.CopyWhileHeld;
import dev.weft.testbench.programs.CopyWhileHeldDeadlock;
import dev.weft.testbench.programs.CounterBarrier;
import dev.weft.testbench.programs.CounterBarrierNoGeneration;
import dev.weft.testbench.programs.DiningPhilosophers;
import dev.weft.testbench.programs.DiningPhilosophersOrdered;
import dev.weft.testbench.programs.DoubleCheckedPlain;
import dev.weft.testbench.programs.DoubleCheckedVolatile;
import dev.weft.testbench.programs.EchoBlockingSockets;
import dev.weft.testbench.programs.EchoNioChannels;
import dev.weft.testbench.programs.ExchangerReuse;
import dev.weft.testbench.programs.ExchangerReuseFixed;
import dev.weft.testbench.programs.FirstUserInitializes;
import dev.weft.testbench.programs.FlagChainFixed;
import dev.weft.testbench.programs.FutureCallbackDeadlock;
import dev.weft.testbench.programs.FutureCallbackDeadlockFixed;
import dev.weft.testbench.programs.FutureWrongStage;
import dev.weft.testbench.programs.FutureWrongStageFixed;
import dev.weft.testbench.programs.GetterPollEarlyPublish;
import dev.weft.testbench.programs.GetterPollHandoff;
import dev.weft.testbench.programs.HalfInitializedSingleton;
import dev.weft.testbench.programs.HalfInitializedSingletonFixed;
import dev.weft.testbench.programs.HedgedRequest;
import dev.weft.testbench.programs.HedgedRequestFixed;
import dev.weft.testbench.programs.IfWaitSpurious;
import dev.weft.testbench.programs.IfWaitSpuriousFixed;
import dev.weft.testbench.programs.IndependentReads;
import dev.weft.testbench.programs.InitializerJoinsReader;
import dev.weft.testbench.programs.InitializerJoinsWorker;
import dev.weft.testbench.programs.InterruptCancellation;
import dev.weft.testbench.programs.InterruptCheckedTooSoon;
import dev.weft.testbench.programs.InterruptCheckedTooSoonFixed;
import dev.weft.testbench.programs.InterruptedAwaitLeak;
import dev.weft.testbench.programs.InterruptedAwaitLeakFixed;
import dev.weft.testbench.programs.InterruptedLockRelease;
import dev.weft.testbench.programs.InterruptedLockReleaseFixed;
import dev.weft.testbench.programs.LatchTooEarly;
import dev.weft.testbench.programs.LatchTooEarlyFixed;
import dev.weft.testbench.programs.LazyInit;
import dev.weft.testbench.programs.LazyInitFixed;
import dev.weft.testbench.programs.LockCycle;
import dev.weft.testbench.programs.LockCycleOrdered;
import dev.weft.testbench.programs.LockLeak;
import dev.weft.testbench.programs.LockLeakFixed;
import dev.weft.testbench.programs.LockPollEarlyPublish;
import dev.weft.testbench.programs.LockPollHandoff;
import dev.weft.testbench.programs.LostUpdate;
import dev.weft.testbench.programs.LostUpdateFixed;
import dev.weft.testbench.programs.LostWakeup;
import dev.weft.testbench.programs.LostWakeupFixed;
import dev.weft.testbench.programs.MissedNotification;
import dev.weft.testbench.programs.MissedNotificationFixed;
import dev.weft.testbench.programs.NioAcceptCount;
import dev.weft.testbench.programs.NioAcceptCountFixed;
import dev.weft.testbench.programs.NotifyBeforeWaiting;
import dev.weft.testbench.programs.NotifyOnceWaiting;
import dev.weft.testbench.programs.NotifyWrongWaiter;
import dev.weft.testbench.programs.NotifyWrongWaiterFixed;
import dev.weft.testbench.programs.OnePreemption;
import dev.weft.testbench.programs.OptimisticReadUnvalidated;
import dev.weft.testbench.programs.OptimisticReadValidated;
import dev.weft.testbench.programs.Overdraft;
import dev.weft.testbench.programs.OverdraftFixed;
import dev.weft.testbench.programs.ParkLostWakeup;
import dev.weft.testbench.programs.ParkLostWakeupFixed;
import dev.weft.testbench.programs.ParkNoLoop;
import dev.weft.testbench.programs.ParkNoLoopFixed;
import dev.weft.testbench.programs.PartitionedSum;
import dev.weft.testbench.programs.PhaserLateRegistration;
import dev.weft.testbench.programs.PhaserLateRegistrationFixed;
import dev.weft.testbench.programs.PlainLostUpdate;
import dev.weft.testbench.programs.PlainLostUpdateFixed;
import dev.weft.testbench.programs.PoisonPillTooSoon;
import dev.weft.testbench.programs.PoisonPillTooSoonFixed;
import dev.weft.testbench.programs.PoliteDiners;
import dev.weft.testbench.programs.PoliteDinersFixed;
import dev.weft.testbench.programs.PoliteTokenPassing;
import dev.weft.testbench.programs.PoliteTokenPassingFixed;
import dev.weft.testbench.programs.PoolStarvation;
import dev.weft.testbench.programs.PoolStarvationFixed;
import dev.weft.testbench.programs.PublicationChain;
import dev.weft.testbench.programs.PublicationChainFixed;
import dev.weft.testbench.programs.QueueCheckThenPoll;
import dev.weft.testbench.programs.QueueCheckThenPollFixed;
import dev.weft.testbench.programs.RacingInitialization;
import dev.weft.testbench.programs.ReadAfterJoin;
import dev.weft.testbench.programs.ReadBeforeJoin;
import dev.weft.testbench.programs.ReadWriteUpgrade;
import dev.weft.testbench.programs.ReadWriteUpgradeFixed;
import dev.weft.testbench.programs.RingBufferEarlyPublish;
import dev.weft.testbench.programs.RingBufferFixed;
import dev.weft.testbench.programs.RingBufferLockFree;
import dev.weft.testbench.programs.ScheduledTooEarly;
import dev.weft.testbench.programs.ScheduledTooEarlyFixed;
import dev.weft.testbench.programs.SemaphoreOverRelease;
import dev.weft.testbench.programs.SemaphoreOverReleaseFixed;
import dev.weft.testbench.programs.ServedCount;
import dev.weft.testbench.programs.ServedCountFixed;
import dev.weft.testbench.programs.SessionCheckThenAct;
import dev.weft.testbench.programs.SessionCheckThenActFixed;
import dev.weft.testbench.programs.SleepingWorkerCancellation;
import dev.weft.testbench.programs.SleepingWorkerSwallowsInterrupt;
import dev.weft.testbench.programs.SlotOverwrite;
import dev.weft.testbench.programs.SlotOverwriteFixed;
import dev.weft.testbench.programs.SpinLock;
import dev.weft.testbench.programs.SpinWaitOnFlag;
import dev.weft.testbench.programs.SplitDeposit;
import dev.weft.testbench.programs.SplitDepositFixed;
import dev.weft.testbench.programs.StopFlagPlain;
import dev.weft.testbench.programs.StopFlagVolatile;
import dev.weft.testbench.programs.StoppingCheck;
import dev.weft.testbench.programs.StoppingCheckFixed;
import dev.weft.testbench.programs.SwallowedInterrupt;
import dev.weft.testbench.programs.SynchronizedMapCheckThenAct;
import dev.weft.testbench.programs.SynchronizedMapCheckThenActFixed;
import dev.weft.testbench.programs.SynchronizedMapDeadlock;
import dev.weft.testbench.programs.SynchronizedMapDeadlockFixed;
import dev.weft.testbench.programs.SynchronizedPollEarlyPublish;
import dev.weft.testbench.programs.SynchronizedPollHandoff;
import dev.weft.testbench.programs.ThreePreemptions;
import dev.weft.testbench.programs.TimerCancelTooEarly;
import dev.weft.testbench.programs.TimerTaskAwait;
import dev.weft.testbench.programs.TokenRing;
import dev.weft.testbench.programs.TokenRingIfWait;
import dev.weft.testbench.programs.TreiberStackAba;
import dev.weft.testbench.programs.TreiberStackAbaFixed;
import dev.weft.testbench.programs.TryLockPollEarlyPublish;
import dev.weft.testbench.programs.TryLockPollHandoff;
import dev.weft.testbench.programs.TryLockSpin;
import dev.weft.testbench.programs.TryLockTimeout;
import dev.weft.testbench.programs.TryLockTimeoutFixed;
import dev.weft.testbench.programs.TwoPreemptions;
import dev.weft.testbench.programs.UseBeforeInit;
import dev.weft.testbench.programs.UseBeforeInitFixed;
import dev.weft.testbench.programs.VectorCheckThenAct;
import dev.weft.testbench.programs.VectorCheckThenActFixed;
import dev.weft.testbench.programs.VirtualLostUpdate;
import dev.weft.testbench.programs.VirtualLostUpdateFixed;
import dev.weft.testbench.programs.WorkStealingDeque;
import dev.weft.testbench.programs.WorkStealingDequeFixed;
import dev.weft.testbench.programs.YieldSpin;
import java.util.List;

/**
 * The registry of corpus programs. The tests derive their cases from it, so registering a program
 * here is what puts it under test; a test checks that every program class of {@code
 * dev.weft.testbench.programs} is registered.
 */
public final class Corpus {
  private static final List<Program> REGISTERED =
      List.of(
              // atomicity violations and check-then-act
              LostUpdate.class, LostUpdateFixed.class,
              CheckThenAct.class, CheckThenActFixed.class,
              SplitDeposit.class, SplitDepositFixed.class,
              LazyInit.class, LazyInitFixed.class,
              Overdraft.class, OverdraftFixed.class,
              // order violations and unsafe publication
              ReadBeforeJoin.class, ReadAfterJoin.class,
              UseBeforeInit.class, UseBeforeInitFixed.class,
              HalfInitializedSingleton.class, HalfInitializedSingletonFixed.class,
              PublicationChain.class, PublicationChainFixed.class,
              IndependentReads.class,
              RingBufferEarlyPublish.class, RingBufferFixed.class, RingBufferLockFree.class,
              // lock-order deadlocks
              AbBaDeadlock.class, AbBaFixed.class,
              LockCycle.class, LockCycleOrdered.class,
              DiningPhilosophers.class, DiningPhilosophersOrdered.class,
              // wait and notify
              MissedNotification.class, MissedNotificationFixed.class,
              NotifyWrongWaiter.class, NotifyWrongWaiterFixed.class,
              LostWakeup.class, LostWakeupFixed.class,
              TokenRingIfWait.class, TokenRing.class,
              CounterBarrierNoGeneration.class, CounterBarrier.class,
              // bugs of a chosen preemption depth
              OnePreemption.class, TwoPreemptions.class, ThreePreemptions.class,
              FlagChainFixed.class,
              BufferClearRace.class, BufferClearRaceFixed.class,
              // livelocks, spinning and cancellation
              PoliteDiners.class, PoliteDinersFixed.class,
              SpinWaitOnFlag.class,
              // fair scheduling: a thread that keeps failing gives way; a livelock stays one
              CasSpinHandoff.class, CasSpinHandoffFixed.class,
              TryLockSpin.class, YieldSpin.class, SpinLock.class,
              SynchronizedPollEarlyPublish.class, SynchronizedPollHandoff.class,
              LockPollEarlyPublish.class, LockPollHandoff.class,
              TryLockPollEarlyPublish.class, TryLockPollHandoff.class,
              AtomicUnderMonitorEarlyPublish.class, AtomicUnderMonitorHandoff.class,
              GetterPollEarlyPublish.class, GetterPollHandoff.class,
              NotifyBeforeWaiting.class, NotifyOnceWaiting.class,
              PoliteTokenPassing.class, PoliteTokenPassingFixed.class,
              SwallowedInterrupt.class, InterruptCancellation.class,
              SleepingWorkerSwallowsInterrupt.class, SleepingWorkerCancellation.class,
              // java.util.concurrent: locks
              ConditionLostSignal.class, ConditionLostSignalFixed.class,
              LockLeak.class, LockLeakFixed.class,
              ReadWriteUpgrade.class, ReadWriteUpgradeFixed.class,
              OptimisticReadUnvalidated.class, OptimisticReadValidated.class,
              // java.util.concurrent: synchronizers
              SemaphoreOverRelease.class, SemaphoreOverReleaseFixed.class,
              LatchTooEarly.class, LatchTooEarlyFixed.class,
              BarrierOverwrite.class, BarrierOverwriteFixed.class,
              PhaserLateRegistration.class, PhaserLateRegistrationFixed.class,
              ExchangerReuse.class, ExchangerReuseFixed.class,
              // java.util.concurrent: park and unpark
              ParkLostWakeup.class, ParkLostWakeupFixed.class,
              // java.util.concurrent: atomics and lock-free structures
              AtomicCheckThenAct.class, AtomicCheckThenActFixed.class,
              TreiberStackAba.class, TreiberStackAbaFixed.class,
              WorkStealingDeque.class, WorkStealingDequeFixed.class,
              // java.util.concurrent: interruption
              InterruptedLockRelease.class, InterruptedLockReleaseFixed.class,
              InterruptedAwaitLeak.class, InterruptedAwaitLeakFixed.class,
              // java.util.concurrent: executors, queues and concurrent collections
              PoolStarvation.class, PoolStarvationFixed.class,
              ScheduledTooEarly.class, ScheduledTooEarlyFixed.class,
              FutureCallbackDeadlock.class, FutureCallbackDeadlockFixed.class,
              FutureWrongStage.class, FutureWrongStageFixed.class,
              HedgedRequest.class, HedgedRequestFixed.class,
              AllOfNotJoined.class, AllOfNotJoinedFixed.class,
              PoisonPillTooSoon.class, PoisonPillTooSoonFixed.class,
              SessionCheckThenAct.class, SessionCheckThenActFixed.class,
              QueueCheckThenPoll.class, QueueCheckThenPollFixed.class,
              CancelledTally.class, CancelledTallyFixed.class,
              // a new thread's first instruction may come after its parent's next one
              StoppingCheck.class, StoppingCheckFixed.class,
              // bugs wholly in the order of plain accesses: systematic search schedules them
              PlainLostUpdate.class, PlainLostUpdateFixed.class,
              SlotOverwrite.class, SlotOverwriteFixed.class,
              // data races: no interleaving fails, only race detection tells them apart
              StopFlagPlain.class, StopFlagVolatile.class,
              DoubleCheckedPlain.class, DoubleCheckedVolatile.class,
              PartitionedSum.class,
              // the JDK's own monitors: synchronized collections and timers
              SynchronizedMapCheckThenAct.class, SynchronizedMapCheckThenActFixed.class,
              VectorCheckThenAct.class, VectorCheckThenActFixed.class,
              SynchronizedMapDeadlock.class, SynchronizedMapDeadlockFixed.class,
              CopyWhileHeld.class, CopyWhileHeldDeadlock.class,
              TimerCancelTooEarly.class, TimerTaskAwait.class,
              // virtual threads (JDK 24+)
              VirtualLostUpdate.class, VirtualLostUpdateFixed.class,
              // socket I/O between the program's own threads, over loopback
              EchoBlockingSockets.class, EchoNioChannels.class,
              ServedCount.class, ServedCountFixed.class,
              BlockingEchoLog.class, BlockingEchoLogFixed.class,
              NioAcceptCount.class, NioAcceptCountFixed.class,
              AsyncEchoLog.class, AsyncEchoLogFixed.class,
              // spurious wakeups: a wait or park whose return is taken as the signal
              IfWaitSpurious.class, IfWaitSpuriousFixed.class,
              ParkNoLoop.class, ParkNoLoopFixed.class,
              // a short timeout expires while the thread that would end the wait could still run
              TryLockTimeout.class, TryLockTimeoutFixed.class,
              // class initialization as the JVM's lock (each execution loads the classes afresh)
              InitializerJoinsReader.class, InitializerJoinsWorker.class,
              FirstUserInitializes.class, RacingInitialization.class,
              // JDK code clears a waiting thread's interrupt status for a while
              InterruptCheckedTooSoon.class, InterruptCheckedTooSoonFixed.class)
          .stream()
          .map(Program::of)
          .toList();

  private static final List<Program> PROGRAMS =
      REGISTERED.stream().filter(Program::runsHere).toList();

  private Corpus() {}

  /** Every registered program, in registration order, whichever JDK it needs. */
  public static List<Program> registered() {
    return REGISTERED;
  }

  /** The registered programs that Weft explores on this JVM's JDK, in registration order. */
  public static List<Program> programs() {
    return PROGRAMS;
  }

  /**
   * The program whose simple class name is {@code name}, e.g. {@code LostUpdate}.
   *
   * @throws IllegalArgumentException when no program has that name, or when Weft does not explore
   *     it on this JDK
   */
  public static Program named(String name) {
    Program program = REGISTERED.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no corpus program named " + name
            + " (names are simple class names, e.g. LostUpdate)"));
    if (!program.runsHere()) {
      throw new IllegalArgumentException(name + " needs JDK " + program.jdk() + " or later; this"
          + " is JDK " + Runtime.version().feature());
    }
    return program;
  }

  /** The programs declared to have a bug, of those Weft explores on this JDK. */
  public static List<Program> buggy() {
    return PROGRAMS.stream().filter(Program::buggy).toList();
  }

  /** The programs declared correct, of those Weft explores on this JDK. */
  public static List<Program> correct() {
    return PROGRAMS.stream().filter(p -> !p.buggy()).toList();
  }
}
