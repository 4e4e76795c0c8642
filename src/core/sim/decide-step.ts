/**
 * Step 5 of a period: decide. Each stock node, makers before their components, observes the
 * period's demand (its incoming orders, customer demand and component consumption; or, with
 * information sharing, the end-customer demand downstream of it), updates its forecast, and
 * applies its policy to the inventory position
 *   IP = on hand + outstanding (ordered, not yet received) − backorders.
 * The quantity becomes an order upstream (split by share) or, at a plant, a production start.
 * Policies order only in review periods (t − 1 multiple of R); fixed-plan and manual orders are
 * placed in the period they are given for.
 */
import {
  FORECAST_MOVING_AVERAGE, POLICY_BASE_STOCK, POLICY_FIXED_PLAN, POLICY_FORECAST, POLICY_MANUAL,
  POLICY_PERIODIC, POLICY_R_Q, POLICY_S_S, POLICY_STERMAN,
} from './network';
import { movingAverageMean, movingAverageStdDev, observeExpSmoothing, observeMovingAverage } from './forecast';
import { materializeArc } from './deferred-orders';
import { placeOnArc } from './orders-flow';
import { baseStockQuantity } from './policies/base-stock';
import { externalQuantity } from './policies/external';
import { forecastQuantity } from './policies/forecast-order-up-to';
import { isReviewPeriod, periodicQuantity } from './policies/periodic';
import { rQQuantity } from './policies/r-q';
import { sSQuantity } from './policies/s-s';
import { stermanQuantity } from './policies/sterman';
import { startProduction } from './production-flow';
import type { SimState } from './state';
import { ARC_DEFERRABLE } from './state-setup';

/** Fixed-plan and manual entries of the period: lane-specific ones are placed now, the rest wait in planNow. */
function loadExternalOrders(st: SimState): void {
  const net = st.net;
  for (let i = net.planStart[st.t], end = net.planStart[st.t + 1]; i < end; i++) {
    const a = net.planArc[i];
    const q = externalQuantity(net.planQty[i]);
    if (a >= 0 && net.prodLead[net.planNode[i]] < 0) {
      st.orderDraw[0] = q;
      if (q > 0) placeOnArc(st, a);
    } else st.planNow[net.planNode[i]] += q;
  }
}

export function decideOrders(st: SimState): void {
  const net = st.net;
  const F = st.F;
  const I = st.I;
  const t = st.t;
  loadExternalOrders(st);
  const deciders = st.deciders;
  const demand = net.informationSharing ? st.sharedDemand : st.obs;
  const fOnHand = st.at.onHand;
  const fOutstanding = st.at.outstanding;
  const fBacklog = st.at.backlog;
  const fCustBacklog = st.at.custBacklog;
  const fOrderedNow = st.at.orderedNow;
  const fOrdered = st.at.orderedCum;
  const fShare = st.at.arcShareF;
  const fPlaced = st.accAt.ordersPlaced;
  const iInStart = st.at.inStartI;
  const iIn = st.at.inArcsI;
  const iInfoAt = st.at.arcInfoAt;
  const iInfoMask = st.at.arcInfoMask;
  const iFlags = st.at.arcFlagsI;
  const iInfoStage = st.at.infoStage;
  const iRecordless = st.at.recordless;
  const fShipped = st.at.shippedCum;
  const fPending = st.at.pendingOrder;
  const book = st.book;
  const iCount = st.bookAt.count;
  const toInfoFlag = st.at.infoRecordless - st.at.infoRing;
  for (let i = 0; i < deciders.length; i++) {
    const k = deciders[i];
    const policy = net.policy[k];
    const position = F[fOnHand + k] + F[fOutstanding + k] - F[fBacklog + k] - F[fCustBacklog + k];
    const review = isReviewPeriod(t, net.pReview[k]);
    let q = 0;
    switch (policy) {
      case POLICY_BASE_STOCK:
        if (review) q = baseStockQuantity(net.pBaseStock[k], position);
        break;
      case POLICY_S_S:
        if (review) q = sSQuantity(net.pReorderPoint[k], net.pOrderUpTo[k], position);
        break;
      case POLICY_R_Q:
        if (review) q = rQQuantity(net.pReorderPoint[k], net.pOrderQty[k], position);
        break;
      case POLICY_PERIODIC:
        if (review) q = periodicQuantity(net.pOrderUpTo[k], position);
        break;
      case POLICY_FORECAST: {
        let mean: number;
        let sd: number;
        if (net.pForecastMethod[k] === FORECAST_MOVING_AVERAGE) {
          observeMovingAverage(st, k, demand[k]);
          mean = movingAverageMean(st, k);
          sd = net.pSafety[k] > 0 ? movingAverageStdDev(st, k, mean) : 0;
        } else {
          observeExpSmoothing(st, k, demand[k], net.pSmoothing[k]);
          mean = st.level[k];
          sd = Math.sqrt(st.errVar[k]);
        }
        if (review) q = forecastQuantity(mean, sd, net.pProtection[k], net.pSafety[k], position);
        break;
      }
      case POLICY_STERMAN:
        observeExpSmoothing(st, k, demand[k], net.pSmoothing[k]);
        if (review) {
          q = stermanQuantity(st.level[k], net.pStockAdj[k], net.pOrderUpTo[k], st.onHand[k] - st.backlog[k] - st.custBacklog[k], net.pSupplyLine[k], st.outstanding[k]);
        }
        break;
      case POLICY_FIXED_PLAN:
      case POLICY_MANUAL:
        q = st.planNow[k];
        st.planNow[k] = 0;
        break;
      default:
        break;
    }
    st.decided[k] = q;
    if (net.prodLead[k] >= 0) { startProduction(st, k); continue; }
    if (!(q > 0)) continue;
    // placeOrder, inlined: q split over k's sources by share; each part reaches its source in t + 1 + infoDelay.
    for (let j = I[iInStart + k], end = I[iInStart + k + 1]; j < end; j++) {
      const a = I[iIn + j];
      const share = F[fShare + a];
      if (!(share > 0)) continue;
      const qa = q * share;
      const islot = I[iInfoAt + a] + ((t + 1 + net.arcInfo[a]) & I[iInfoMask + a]);
      // Without a record (deferred-orders.ts) when the arc has no recorded order, the order is well
      // above rounding noise and travels alone in its slot; otherwise with one.
      if ((I[iFlags + a] & ARC_DEFERRABLE) && I[iCount + a] === 0 && F[islot] === 0 && qa > 1e-6 * (1 + F[fShipped + a])) {
        I[iInfoStage + a]++;
        I[islot + toInfoFlag] = 1;
      }
      else {
        if (I[iInfoStage + a] > 0 || I[iRecordless + a] > 0 || F[fPending + a] > 0) materializeArc(st, a);
        st.orderDraw[0] = qa;
        book.pushFrom(a, st.orderDraw, 0, t);
      }
      F[islot] += qa;
      F[fOrdered + a] += qa;
      F[fOutstanding + k] += qa;
      F[fOrderedNow + k] += qa;
      F[fPlaced + k]++;
    }
  }
}
