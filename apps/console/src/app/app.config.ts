import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideHearthApollo, RUNTIME_CONFIG, type RuntimeConfig } from '@hearth/console-core';
import { routes } from './app.routes';

export function appConfig(runtime: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      // Route parameters arrive as component inputs (`id = input.required<string>()`).
      provideRouter(routes, withComponentInputBinding()),
      { provide: RUNTIME_CONFIG, useValue: runtime },
      provideHearthApollo(),
    ],
  };
}
