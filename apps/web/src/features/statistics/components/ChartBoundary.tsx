/**
 * Keeps the figures and the table on screen when the charts cannot be shown (their chunk failed
 * to load on a poor link, or the browser has no canvas): the charts give way to one line.
 */
import { Component, type ReactNode } from 'react';

export class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
