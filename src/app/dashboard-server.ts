import type { DashboardLinks } from '../chat/index.js';
import { publicUrlOf, type Config } from '../config.js';
import { createDashboard, LINK_MINUTES, type Dashboard } from '../dashboard/index.js';
import { logPortOf, type Logger } from '../log.js';
import { createHealthCheck, startHttpServer, type HttpServer, type PageHandler } from '../server/index.js';
import type { Core } from './build-core.js';

/** The dashboard over the core's plans and stores, its links under PUBLIC_URL (default 127.0.0.1 and `port`). */
export function dashboardOf(config: Config, core: Core, port: number, now?: () => Date): Dashboard {
  return createDashboard({
    data: {
      plans: () => core.knowledge.current().plans,
      progress: core.store.progress,
      figures: core.store.figures,
      members: core.store.members,
    },
    auth: core.store.dashboard,
    users: core.store.users,
    baseUrl: publicUrlOf(config, port),
    botToken: config.TELEGRAM_BOT_TOKEN,
    now,
  });
}

/** What `/bangdieukhien` makes with a dashboard: its links, and the Mini App button when its address is https. */
export function linksOf(dashboard: Dashboard): DashboardLinks {
  return {
    issue: dashboard.issueLink,
    minutes: LINK_MINUTES,
    ...(dashboard.homeUrl.startsWith('https:') ? { miniAppUrl: dashboard.homeUrl } : {}),
  };
}

export type DashboardServerOptions = {
  config: Config;
  logger: Logger;
  core: Core;
  /** Each channel's state, for /healthz. */
  channels: () => Record<string, string>;
  /** Throws (or returns false) when the database cannot be used. */
  checkDatabase: () => Promise<unknown>;
  /** The interface to listen on; default all of them when PUBLIC_URL is set, else 127.0.0.1 (the links' address). */
  host?: string;
};

/**
 * Polling mode's HTTP server on PORT: the dashboard and /healthz, on 127.0.0.1 only until PUBLIC_URL says where
 * people reach it. The links are made once the port is known (PORT=0 takes a free one). A port that cannot be
 * listened on is logged and the bot runs without a dashboard.
 */
export async function startDashboardServer(
  options: DashboardServerOptions,
): Promise<{ server: HttpServer; dashboard: Dashboard } | undefined> {
  const { config, logger, core } = options;
  let dashboard: Dashboard | undefined;
  const pages: PageHandler = (req) => dashboard?.pages(req);
  try {
    const server = await startHttpServer({
      port: config.PORT,
      host: options.host ?? (config.PUBLIC_URL ? undefined : '127.0.0.1'),
      health: createHealthCheck({ database: options.checkDatabase, channels: options.channels }),
      pages,
      log: logPortOf(logger),
    });
    dashboard = dashboardOf(config, core, server.port);
    logger.info({ port: server.port, publicUrl: publicUrlOf(config, server.port) }, 'dashboard: server listening');
    return { server, dashboard };
  } catch (err) {
    logger.error({ err, port: config.PORT }, 'dashboard: the server could not listen; running without it');
    return undefined;
  }
}
