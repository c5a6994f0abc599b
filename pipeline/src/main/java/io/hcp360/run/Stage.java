package io.hcp360.run;

/**
 * One step of a run: plain Java that reads what the previous stage stored and stores what it
 * produces. Running a stage again for the same run must give the same result (restart).
 */
public interface Stage {

  /** The step name, as reports and Spring Batch show it. */
  String name();

  void run(RunContext run);
}
