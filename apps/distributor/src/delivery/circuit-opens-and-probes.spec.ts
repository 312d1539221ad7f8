import { CircuitBreaker } from './circuit-breaker';
import { EndpointGates } from './endpoint-gates';

describe('circuit breaker', () => {
  it('opens after N consecutive failures, lets one probe through after the open time, closes on success', () => {
    const circuit = new CircuitBreaker(3, 1_000);
    circuit.failed(0);
    circuit.failed(1);
    expect(circuit.state(2)).toBe('closed');
    circuit.failed(2);
    expect(circuit.allowance(500)).toBe(0);
    expect(circuit.state(1_002)).toBe('half-open');
    expect(circuit.allowance(1_002)).toBe(1);
    circuit.started(1_002);
    expect(circuit.allowance(1_003)).toBe(0); // one probe only
    circuit.succeeded();
    expect(circuit.state(1_004)).toBe('closed');
  });

  it('opens again at once when the probe fails', () => {
    const circuit = new CircuitBreaker(2, 1_000);
    circuit.failed(0);
    circuit.failed(0);
    circuit.started(1_000);
    circuit.failed(1_000);
    expect(circuit.state(1_500)).toBe('open');
  });
});

describe('endpoint gates', () => {
  it('bound the requests in flight per target and leave others free', () => {
    const gates = new EndpointGates(2, 5, 1_000);
    gates.start('slow', 0);
    gates.start('slow', 0);
    expect(gates.allowance('slow', 0)).toBe(0);
    expect(gates.allowance('fast', 0)).toBe(2);
    expect(gates.closedTargets(0)).toEqual(['slow']);
    gates.finish('slow', true, 1);
    expect(gates.allowance('slow', 1)).toBe(1);
  });
});
