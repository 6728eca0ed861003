import { describe, expect, it } from 'vitest';
import { cancellationReasons, isTransactionConflict, toStorageError } from '../../shared/db/errors';
import { DomainError } from '../../shared/domain/errors';

function awsError(name: string, extra: Record<string, unknown> = {}, message = name) {
  return Object.assign(new Error(message), { name, ...extra });
}

describe('AWS error mapping', () => {
  it('reads cancellation reasons from the structured field or, failing that, from the message', () => {
    expect(cancellationReasons(awsError('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] }))).toEqual(['None', 'ConditionalCheckFailed']);
    expect(cancellationReasons(awsError('TransactionCanceledException', {}, 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]'))).toEqual(['ConditionalCheckFailed', 'None']);
    expect(cancellationReasons(awsError('ValidationException'))).toBeNull();
  });

  it('treats real DynamoDB transaction collisions as concurrent changes', () => {
    expect(isTransactionConflict(awsError('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }] }))).toBe(true);
    expect(isTransactionConflict(awsError('TransactionInProgressException'))).toBe(true);
    expect(isTransactionConflict(awsError('TransactionCanceledException', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }))).toBe(false);
  });

  it('maps a refused request to storage_unavailable, an unanswered one to storage_timeout, and leaves other errors alone', () => {
    const refused = [awsError('ProvisionedThroughputExceededException'), awsError('ThrottlingException'), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' })];
    const unanswered = [awsError('TimeoutError'), Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), new Error('socket hang up')];
    for (const [code, errors] of [['storage_unavailable', refused], ['storage_timeout', unanswered]] as const) {
      for (const error of errors) {
        const mapped = toStorageError(error);
        expect(mapped).toBeInstanceOf(DomainError);
        expect((mapped as DomainError).code, error.message).toBe(code);
        expect((mapped as DomainError).cause).toBe(error);
      }
    }
    const validation = awsError('ValidationException');
    expect(toStorageError(validation)).toBe(validation);
  });
});
