package io.hcp360.job;

import io.hcp360.Hcp360Exception;
import javax.sql.DataSource;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch's job repository, explorer and launcher over hcp360's PostgreSQL (tables in the
 * {@code batch} schema), built directly: no application context is needed to run a job.
 */
record BatchInfrastructure(
    JobRepository repository,
    JobExplorer explorer,
    TaskExecutorJobLauncher launcher,
    PlatformTransactionManager transactionManager) {

  private static final String TABLE_PREFIX = "batch.BATCH_";

  static BatchInfrastructure create(DataSource dataSource) {
    try {
      JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
      JobRepositoryFactoryBean repositoryFactory = new JobRepositoryFactoryBean();
      repositoryFactory.setDataSource(dataSource);
      repositoryFactory.setTransactionManager(transactions);
      repositoryFactory.setTablePrefix(TABLE_PREFIX);
      repositoryFactory.setDatabaseType("POSTGRES");
      repositoryFactory.afterPropertiesSet();
      JobRepository repository = repositoryFactory.getObject();

      JobExplorerFactoryBean explorerFactory = new JobExplorerFactoryBean();
      explorerFactory.setDataSource(dataSource);
      explorerFactory.setTransactionManager(transactions);
      explorerFactory.setTablePrefix(TABLE_PREFIX);
      explorerFactory.afterPropertiesSet();
      JobExplorer explorer = explorerFactory.getObject();

      TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
      launcher.setJobRepository(repository);
      launcher.afterPropertiesSet();
      return new BatchInfrastructure(repository, explorer, launcher, transactions);
    } catch (Exception e) {
      throw new Hcp360Exception("could not set up the Spring Batch job repository: "
          + e.getMessage(), e);
    }
  }
}
